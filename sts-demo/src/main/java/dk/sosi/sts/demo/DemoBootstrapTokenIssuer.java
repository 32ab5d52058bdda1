package dk.sosi.sts.demo;

import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The demo's issuer of employee bootstrap tokens for BST2SOSI, a local NSIS IdP of the demo organisation: its
 * signing key ({@value #SIGNING_CREDENTIAL}) and the key the STS decrypts its tokens with
 * ({@value #ENCRYPTION_CREDENTIAL}), both demo-only, issued by the demo issuing CA when the folder lacks them;
 * and its rows in {@code sts_audconf.trustedIdpConfiguration} (issuer {@value #ISSUER}), so the demo client can
 * exchange a bootstrap token for an id-card.
 */
public final class DemoBootstrapTokenIssuer {

    public static final String ISSUER = "https://demo-idp.sosi-sts.dk/";
    public static final String SIGNING_CREDENTIAL = "idp/demo-bst-idp.p12";
    public static final String ENCRYPTION_CREDENTIAL = "idp/demo-bst-idp-encryption.p12";
    public static final String ALIAS = "idp";
    /** The demo employee's system, whitelisted to exchange the issuer's tokens. */
    public static final DemoClient WHITELISTED_CLIENT = DemoClient.EMPLOYEE_MOCES;
    static final String SIGNING_DN = "CN=Demo bootstrap token IdP (funktionscertifikat) + SERIALNUMBER=UI:DK-O:G:%s,"
            + " O=Demo Lægehus, C=DK";
    static final String ENCRYPTION_DN = "CN=Demo SOSI-STS BST decryption (funktionscertifikat) + SERIALNUMBER=UI:DK-O:G:%s,"
            + " O=Demo Sundhedsdatastyrelsen, C=DK";

    private static final Object LOCK = new Object();

    /** The issuer's signing key and the STS's key for decrypting its tokens. */
    public record Keys(IssuedCredential signing, IssuedCredential encryption) {
    }

    private DemoBootstrapTokenIssuer() {
    }

    /** The issuer's keys, made the first time a folder needs them (older demo folders have none). */
    public static Keys ensure(DemoConfiguration demo) {
        return new Keys(credential(demo, SIGNING_CREDENTIAL, SIGNING_DN), credential(demo, ENCRYPTION_CREDENTIAL, ENCRYPTION_DN));
    }

    /** The demo credential {@code name} of the folder, issued by the demo issuing CA when the folder lacks it. */
    static IssuedCredential credential(DemoConfiguration demo, String name, String dnFormat) {
        Path file = demo.folder().resolve(name);
        synchronized (LOCK) {
            if (!Files.isRegularFile(file)) {
                Instant notBefore = Instant.now().minus(Duration.ofDays(1));
                demo.loadIssuingCa(KeyPairSource.fresh()).issue(CertificateRequest.builder(
                        String.format(dnFormat, UUID.randomUUID()), notBefore, notBefore.plus(Duration.ofDays(3 * 365)))
                        .crlDistributionPoint(demo.crlUrl()).build())
                        .writePkcs12(file, ALIAS, demo.password().toCharArray());
            }
        }
        return IssuedCredential.read(file, ALIAS, demo.password().toCharArray());
    }

    /**
     * Adds the demo issuer to {@code sts_audconf.trustedIdpConfiguration} as an admin would with SQL, or sets its
     * keys to this folder's: signing key, encryption key (PKCS#8) and its public key, the three profiles,
     * holder-of-key validation, and the demo employee's system as whitelisted caller.
     */
    public static void register(DataSource database, DemoConfiguration demo, Keys keys) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("signingKey.demo", DemoRows.base64(keys.signing()));
        rows.put("encryptionKey.demo", Base64.getEncoder().encodeToString(keys.encryption().privateKey().getEncoded()));
        rows.put("encryptionPublicKey.demo", DemoRows.base64(keys.encryption()));
        rows.put("tokenProfile.local", "OIOH3BST");
        rows.put("tokenProfile.seb", "OIOH2BST");
        rows.put("tokenProfile.nemlogin", "OIO3BST");
        rows.put("validateHOK", "true");
        rows.put("certificate.demo", CertificateNames.subjectSerialNumber(demo.loadClientCredential(WHITELISTED_CLIENT).certificate()));
        DemoRows.upsert(database, "sts_audconf.trustedIdpConfiguration", "issuer", ISSUER, rows);
    }
}
