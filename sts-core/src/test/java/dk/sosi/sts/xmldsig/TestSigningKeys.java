package dk.sosi.sts.xmldsig;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Thread-safe. Signing credentials for signature tests, made once per JVM: an RSA key costs 0.1–1.5 s,
 * so every test class shares these. The CA and the two certificates it issues use two distinct 2048-bit
 * keys: the CA's own ({@link #other()} reuses it) and the employee's ({@link #employee()}).
 */
public final class TestSigningKeys {

    private static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = NOT_BEFORE.plus(3650, ChronoUnit.DAYS);

    /** A signer check that trusts every certificate, for tests of the signature alone. */
    public static final SignerCheck TRUST_ANY = signer -> { };

    private TestSigningKeys() {
    }

    /** The test CA. */
    public static CertificateAuthority ca() {
        return Holder.CA;
    }

    /** An employee (MOCES-like) credential with its own 2048-bit key. */
    public static IssuedCredential employee() {
        return Holder.EMPLOYEE;
    }

    /** A function (FOCES-like) credential whose 2048-bit key differs from {@link #employee()}'s. */
    public static IssuedCredential other() {
        return Holder.OTHER;
    }

    /** A credential with a 1024-bit key, too short for the STS. */
    public static IssuedCredential weak() {
        return Holder.WEAK;
    }

    /** A credential whose RSA public exponent has 2000 bits: every verification with it costs milliseconds. */
    public static IssuedCredential hugeExponent() {
        return Holder.HUGE_EXPONENT;
    }

    /** An RSA key pair with a 2048-bit modulus and a 2000-bit prime public exponent. */
    public static KeyPair hugeExponentKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(2048, BigInteger.probablePrime(2000, new SecureRandom())));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Holder {
        static final CertificateAuthority CA = CertificateAuthority.createRoot(
                "CN=STS Signature Test Root, O=SOSI-STS tests, C=DK", NOT_BEFORE, NOT_AFTER, KeyPairSource.recycling(2));
        static final IssuedCredential EMPLOYEE = CA.issue(CertificateRequest.builder(
                "CN=Karl Hansen + SERIALNUMBER=CVR:20921897-RID:46283716, O=Demo Lægehus // CVR:20921897, C=DK",
                NOT_BEFORE, NOT_AFTER).build());
        static final IssuedCredential OTHER = CA.issue(CertificateRequest.builder(
                "CN=SOSI Test Federation + SERIALNUMBER=CVR:33257872-FID:18911861, O=Digitaliseringsstyrelsen // CVR:33257872, C=DK",
                NOT_BEFORE, NOT_AFTER).build());
        static final IssuedCredential WEAK = CA.issue(CertificateRequest.builder(
                "CN=Weak Key, O=SOSI-STS tests, C=DK", NOT_BEFORE, NOT_AFTER).keySize(1024).build());
        static final IssuedCredential HUGE_EXPONENT = CA.issue(CertificateRequest.builder(
                "CN=Huge Exponent, O=SOSI-STS tests, C=DK", NOT_BEFORE, NOT_AFTER).keyPair(hugeExponentKeyPair()).build());
    }
}
