-- Sosi2OIOSaml: how the assertion for an audience is encrypted, when not the default that every deployed
-- client decrypts (aes128-cbc content, rsa-1_5 key transport). NULL keeps the default; a value names the
-- content encryption and the key transport, e.g. 'aes128-gcm rsa-oaep' or 'aes256-gcm rsa-oaep-mgf1p'.
ALTER TABLE sts_audconf.iboConfig ADD COLUMN encryption VARCHAR(100) NULL;
