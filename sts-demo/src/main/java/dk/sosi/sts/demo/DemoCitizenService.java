package dk.sosi.sts.demo;

import dk.sosi.sts.pki.CertificateNames;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The demo's citizen web application for JWT2OIOSaml, like forløbsplaner.dk: its rows in
 * {@code sts_audconf.audienceConfiguration} (audience {@value #AUDIENCE}), so a citizen app whose JWT comes from the demo
 * JWT IdP ({@code idp/demo-jwt-idp.p12}, kid {@value DemoConfiguration#JWT_IDP_KID}, issuer {@value #JWT_ISSUER}) can
 * exchange it for an assertion. The assertion is encrypted to the key of the demo receiving system
 * ({@link DemoServiceProvider}), which plays this application too.
 */
public final class DemoCitizenService {

    public static final String AUDIENCE = "https://demo-citizen-sp.sosi-sts.dk/";
    public static final String RECIPIENT_URL = "https://demo-citizen-sp.sosi-sts.dk/saml/SAMLAssertionConsumer";
    public static final String JWT_SCOPE = "demo-citizen";
    /** The issuer ({@code iss}) of the demo JWTs: the key the shipped issuerStrategies map to keyCloak. */
    public static final String JWT_ISSUER = "http://sts-tester";
    /** The citizen app's certificate, whitelisted ({@code certificate.demo}) for the audience. */
    public static final DemoClient WHITELISTED_CLIENT = DemoClient.SYSTEM_FOCES;
    static final Duration LIFETIME = Duration.ofHours(1);

    private DemoCitizenService() {
    }

    /**
     * Adds the demo audience to {@code sts_audconf.audienceConfiguration} as an admin would with SQL, or sets its rows to
     * this folder's keys: lifetime, jwtScope, publicKey, recipientURL and the whitelisted citizen app.
     */
    public static void register(DataSource database, DemoConfiguration demo) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("lifetime", String.valueOf(LIFETIME.toSeconds()));
        rows.put("jwtScope", JWT_SCOPE);
        rows.put("recipientURL", RECIPIENT_URL);
        rows.put("publicKey", DemoRows.base64(DemoServiceProvider.ensure(demo)));
        rows.put("certificate.demo", CertificateNames.subjectSerialNumber(demo.loadClientCredential(WHITELISTED_CLIENT).certificate()));
        DemoRows.upsert(database, "sts_audconf.audienceConfiguration", "audience", AUDIENCE, rows);
    }
}
