-- Configuration of the STS exchanges, edited by admins with plain SQL (see the operations guide).
-- Names of tables and columns are the guide's, character for character.
--
-- Key columns use utf8mb4_bin, which compares the way the STS does (case and accents count), so a
-- row the database accepts is never a duplicate to the STS. IF NOT EXISTS lets an existing
-- installation with these tables be taken over, and a half-applied script be run again.

-- Sosi2OIOSaml: one row per receiving system (audience).
CREATE TABLE IF NOT EXISTS sts_audconf.iboConfig (
    audience                   VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    publicKey                  MEDIUMTEXT   NOT NULL,
    recipientURL               VARCHAR(2048) NOT NULL,
    includeBST                 BOOLEAN      NOT NULL,
    deliveryNotOnOrAfterOffset BIGINT       NOT NULL,
    notBeforeOffset            BIGINT       NOT NULL,
    notOnOrAfterOffset         BIGINT       NOT NULL,
    idCardMaxAgeMins           INT          NULL,
    PRIMARY KEY (audience),
    CONSTRAINT iboConfig_idCardMaxAgeMins_positive CHECK (idCardMaxAgeMins IS NULL OR idCardMaxAgeMins > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Citizen exchanges (Bst2Idws, JWT2Idws, JWT2OIOSaml): per audience, on "map-format".
CREATE TABLE IF NOT EXISTS sts_audconf.audienceConfiguration (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    audience        VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    attribute       VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    attribute_value MEDIUMTEXT   NOT NULL,
    comment         VARCHAR(1024) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY audienceConfiguration_audience_attribute (audience, attribute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- BST2SOSI: issuers of bootstrap tokens and whitelisted callers, on "map-format".
CREATE TABLE IF NOT EXISTS sts_audconf.trustedIdpConfiguration (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    issuer          VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    attribute       VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    attribute_value MEDIUMTEXT   NOT NULL,
    comment         VARCHAR(1024) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY trustedIdpConfiguration_issuer_attribute (issuer, attribute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Bst2Idws: issuers of citizen bootstrap tokens, same form as trustedIdpConfiguration.
CREATE TABLE IF NOT EXISTS sts_audconf.trustedIdpCitizenConfiguration (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    issuer          VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    attribute       VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    attribute_value MEDIUMTEXT   NOT NULL,
    comment         VARCHAR(1024) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY trustedIdpCitizenConfiguration_issuer_attribute (issuer, attribute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- National roles: urn:dk:healthcare:national-federation-role:code:<code>:value:<value>.
CREATE TABLE IF NOT EXISTS sts_audconf.roleDefinitions (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    source       VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL,
    externalName VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    code         VARCHAR(32)  COLLATE utf8mb4_bin NOT NULL,
    `value`      VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY roleDefinitions_code_value (code, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- CVR numbers allowed to state national roles without validation against SEB; roleValue NULL = all roles.
CREATE TABLE IF NOT EXISTS sts_audconf.trustedCvr (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    cvr       VARCHAR(16)  COLLATE utf8mb4_bin NOT NULL,
    endpoint  VARCHAR(32)  COLLATE utf8mb4_bin NOT NULL,
    roleValue VARCHAR(255) COLLATE utf8mb4_bin NULL,
    PRIMARY KEY (id),
    UNIQUE KEY trustedCvr_cvr_endpoint_roleValue (cvr, endpoint, roleValue)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
