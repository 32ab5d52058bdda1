package dk.sosi.sts.demo;

import dk.sosi.sts.demo.client.CitizenBootstrapTokenBuilder;
import dk.sosi.sts.pki.CertificateNames;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The demo's issuer of citizen bootstrap tokens for Bst2Idws, a stand-in for the NemLog-in 3 STS: its signing key
 * ({@value #SIGNING_CREDENTIAL}) and the key the STS decrypts its tokens with ({@value #ENCRYPTION_CREDENTIAL}), both
 * demo-only, issued by the demo issuing CA when the folder lacks them; its rows in
 * {@code sts_audconf.trustedIdpCitizenConfiguration} (issuer {@value #ISSUER}); and a demo citizen service in
 * {@code audienceConfiguration} ({@value #AUDIENCE}) that the demo application may ask for.
 */
public final class DemoCitizenTokenIssuer {

    public static final String ISSUER = "https://demo-citizen-idp.sosi-sts.dk/";
    public static final String SIGNING_CREDENTIAL = "idp/demo-citizen-idp.p12";
    public static final String ENCRYPTION_CREDENTIAL = "idp/demo-citizen-idp-encryption.p12";
    /** The demo citizen service the identity tokens are for. */
    public static final String AUDIENCE = "https://demo-citizen-service.sosi-sts.dk/idws";
    public static final long LIFETIME_SECONDS = 3600;
    /** The demo citizen application's system, whitelisted for {@value #AUDIENCE}. */
    public static final DemoClient WHITELISTED_CLIENT = DemoClient.SYSTEM_FOCES;
    static final String SIGNING_DN = "CN=Demo citizen bootstrap token IdP (funktionscertifikat) + SERIALNUMBER=UI:DK-O:G:%s,"
            + " O=Demo NemLog-in, C=DK";
    static final String ENCRYPTION_DN = "CN=Demo SOSI-STS citizen BST decryption (funktionscertifikat)"
            + " + SERIALNUMBER=UI:DK-O:G:%s, O=Demo Sundhedsdatastyrelsen, C=DK";

    private DemoCitizenTokenIssuer() {
    }

    /** The issuer's keys, made the first time a folder needs them (older demo folders have none). */
    public static DemoBootstrapTokenIssuer.Keys ensure(DemoConfiguration demo) {
        return new DemoBootstrapTokenIssuer.Keys(DemoBootstrapTokenIssuer.credential(demo, SIGNING_CREDENTIAL, SIGNING_DN),
                DemoBootstrapTokenIssuer.credential(demo, ENCRYPTION_CREDENTIAL, ENCRYPTION_DN));
    }

    /**
     * Adds, as an admin would with SQL, or sets to this folder's keys: the demo issuer in trustedIdpCitizenConfiguration
     * (signing key, encryption key and its public key, the three profiles, the audience of its tokens) and the demo
     * citizen service in audienceConfiguration (lifetime, the demo application as its caller).
     */
    public static void register(DataSource database, DemoConfiguration demo, DemoBootstrapTokenIssuer.Keys keys) throws SQLException {
        Map<String, String> issuer = new LinkedHashMap<>();
        issuer.put("signingKey.demo", DemoRows.base64(keys.signing()));
        issuer.put("encryptionKey.demo", Base64.getEncoder().encodeToString(keys.encryption().privateKey().getEncoded()));
        issuer.put("encryptionPublicKey.demo", DemoRows.base64(keys.encryption()));
        issuer.put("tokenProfile.nemlogin3", "OIO3BST_CITIZEN");
        issuer.put("tokenProfile.seb", "OIO2BST_CITIZEN");
        issuer.put("tokenProfile.nemlogin2", "OIO2BST_LEGACY");
        issuer.put("audience", CitizenBootstrapTokenBuilder.STS_AUDIENCE);
        DemoRows.upsert(database, "sts_audconf.trustedIdpCitizenConfiguration", "issuer", ISSUER, issuer);
        DemoRows.upsert(database, "sts_audconf.audienceConfiguration", "audience", AUDIENCE, Map.of(
                "lifetime", String.valueOf(LIFETIME_SECONDS),
                "certificate.demo", CertificateNames.subjectSerialNumber(demo.loadClientCredential(WHITELISTED_CLIENT).certificate())));
    }
}
