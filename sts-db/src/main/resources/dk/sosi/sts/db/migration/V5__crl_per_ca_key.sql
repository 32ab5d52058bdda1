-- A CA renewed under its old name signs with a new key, and each key publishes its own CRL: the lists are
-- kept per issuer and CA key. authority_key_id is the keyIdentifier of the list's AuthorityKeyIdentifier in
-- lower-case hex (the SubjectKeyIdentifier of the CA certificate), '' for a list without one. Lists stored
-- before this version have '' until the STS stores their next version.
ALTER TABLE sts_cra.crl ADD COLUMN authority_key_id VARCHAR(128) CHARACTER SET ascii NOT NULL DEFAULT '' AFTER issuer_dn;
ALTER TABLE sts_cra.crl DROP INDEX crl_issuer_hash, ADD UNIQUE KEY crl_issuer_key (issuer_hash, authority_key_id);
