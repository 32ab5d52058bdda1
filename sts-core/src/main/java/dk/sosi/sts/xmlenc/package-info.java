/**
 * XML Encryption of SAML assertions, with Apache Santuario's {@code XMLCipher} (secure validation on):
 * {@link dk.sosi.sts.xmlenc.AssertionEncrypter} encrypts an issued assertion for its audience
 * (Sosi2OIOSaml, JWT2OIOSaml; exchanges.md 2.8 S3) with an {@link dk.sosi.sts.xmlenc.EncryptionPolicy},
 * aes128-cbc with rsa-1_5 unless the audience is configured otherwise;
 * {@link dk.sosi.sts.xmlenc.AssertionDecrypter} decrypts an incoming bootstrap token with the configured
 * private keys (BST2SOSI, Bst2Idws; exchanges.md 3.3, 3.4), refusing hostile structures before any key is
 * touched and answering every failure with one and the same fault.
 */
package dk.sosi.sts.xmlenc;
