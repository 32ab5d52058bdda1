package dk.sosi.sts.db;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Revocation lists for tests, signed with one EC key (fast to make; the store never checks the signature). */
final class TestCrls {

    private static final KeyPair ISSUER_KEY = generateKey();

    private TestCrls() {
    }

    /** A CRL of {@code issuer} (RFC 2253) made at {@code thisUpdate}, valid for a day, revoking {@code serials}. */
    static X509CRL crl(String issuer, Instant thisUpdate, long... serials) {
        return crl(issuer, null, thisUpdate, serials);
    }

    /** As {@link #crl(String, Instant, long...)}, naming the CA key {@code keyIdHex} in its AuthorityKeyIdentifier. */
    static X509CRL crlOfKey(String issuer, String keyIdHex, Instant thisUpdate, long... serials) {
        return crl(issuer, HexFormat.of().parseHex(keyIdHex), thisUpdate, serials);
    }

    private static X509CRL crl(String issuer, byte[] keyId, Instant thisUpdate, long... serials) {
        // Through X500Principal: BouncyCastle's X500Name(String) keeps the RDNs in written order, the
        // reverse of RFC 2253, which the JDK (and the store) use.
        X500Name name = X500Name.getInstance(new X500Principal(issuer).getEncoded());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(name, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(1))));
        for (long serial : serials) {
            builder.addCRLEntry(BigInteger.valueOf(serial), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        try {
            if (keyId != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId));
            }
            return new JcaX509CRLConverter().getCRL(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ISSUER_KEY.getPrivate())));
        } catch (OperatorCreationException | CRLException | CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
