-- Configuration of the eHDSI exchange (DKNCPBST2EHDSIIdws), edited by admins with plain SQL.
-- Same conventions as V1: the guide's names, binary collation on key columns, IF NOT EXISTS.

-- Per audience, on "map-format", like sts_audconf.audienceConfiguration.
CREATE TABLE IF NOT EXISTS sts_ehdsiconf.ehdsiAudienceConfiguration (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    audience        VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    attribute       VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    attribute_value MEDIUMTEXT   NOT NULL,
    comment         VARCHAR(1024) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ehdsiAudienceConfiguration_audience_attribute (audience, attribute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Issuance policy of the incoming DK NCP bootstrap token -> policy of the outgoing XUA token.
CREATE TABLE IF NOT EXISTS sts_ehdsiconf.ehdsiPoliciesConfiguration (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    audience   VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    bst_policy VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    sts_policy VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    comment    VARCHAR(1024) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ehdsiPoliciesConfiguration_audience_policies (audience, bst_policy, sts_policy)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
