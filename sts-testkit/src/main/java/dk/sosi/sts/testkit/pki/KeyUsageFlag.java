package dk.sosi.sts.testkit.pki;

import org.bouncycastle.asn1.x509.KeyUsage;

/** Immutable. The X.509 key usage bits (RFC 5280 §4.2.1.3) a {@link CertificateRequest} may ask for. */
public enum KeyUsageFlag {
    DIGITAL_SIGNATURE(KeyUsage.digitalSignature),
    NON_REPUDIATION(KeyUsage.nonRepudiation),
    KEY_ENCIPHERMENT(KeyUsage.keyEncipherment),
    DATA_ENCIPHERMENT(KeyUsage.dataEncipherment),
    KEY_AGREEMENT(KeyUsage.keyAgreement),
    KEY_CERT_SIGN(KeyUsage.keyCertSign),
    CRL_SIGN(KeyUsage.cRLSign);

    private final int bit;

    KeyUsageFlag(int bit) {
        this.bit = bit;
    }

    int bit() {
        return bit;
    }
}
