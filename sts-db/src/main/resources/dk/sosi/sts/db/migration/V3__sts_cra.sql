-- The CRA: certificate revocation lists, one current list per issuing CA, filled by the CRL fetcher.

-- issuer_hash is the SHA-256 (hex) of the issuer's canonical distinguished name: the DN itself is
-- too long for a unique index, and the canonical form makes equal names with different encodings
-- one issuer. this_update/next_update/stored_at are UTC.
CREATE TABLE IF NOT EXISTS sts_cra.crl (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    issuer_hash CHAR(64)      CHARACTER SET ascii NOT NULL,
    issuer_dn   VARCHAR(1024) NOT NULL,
    crl         LONGBLOB      NOT NULL,
    this_update DATETIME(3)   NOT NULL,
    next_update DATETIME(3)   NULL,
    source_url  VARCHAR(2048) NOT NULL,
    stored_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY crl_issuer_hash (issuer_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Where CRLs are fetched from. URLs are ASCII (IRIs are percent-encoded), which keeps the key short
-- enough for an index.
CREATE TABLE IF NOT EXISTS sts_cra.crl_source (
    url     VARCHAR(2048) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    comment VARCHAR(1024) NULL,
    PRIMARY KEY (url)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
