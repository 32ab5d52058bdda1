package dk.sosi.sts.demo;

import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The demo's receiving system for Sosi2OIOSaml, a web application like FMK online: its key (demo-only,
 * {@value #CREDENTIAL}, alias {@value #ALIAS}, issued by the demo issuing CA when the folder lacks it) and its row
 * in {@code sts_audconf.iboConfig}, so the demo client can exchange an id-card for an assertion and decrypt it.
 */
public final class DemoServiceProvider {

    public static final String AUDIENCE = "https://demo-sp.sosi-sts.dk/";
    public static final String RECIPIENT_URL = "https://demo-sp.sosi-sts.dk/saml/SAMLAssertionConsumer";
    public static final String CREDENTIAL = "sp/demo-service-provider.p12";
    public static final String ALIAS = "sp";
    static final String DN_FORMAT = "CN=Demo FMK online (funktionscertifikat) + SERIALNUMBER=UI:DK-O:G:%s,"
            + " O=Demo Sundhedsdatastyrelsen, C=DK";
    /** Assertion validity from the exchange: 5 minutes back (clock skew), one hour on, delivered within 5 minutes. */
    static final long NOT_BEFORE_OFFSET_MILLIS = Duration.ofMinutes(5).toMillis();
    static final long NOT_ON_OR_AFTER_OFFSET_MILLIS = Duration.ofHours(1).toMillis();
    static final long DELIVERY_OFFSET_MILLIS = Duration.ofMinutes(5).toMillis();

    private static final Object LOCK = new Object();

    private DemoServiceProvider() {
    }

    /** The receiving system's key and certificate, made the first time a folder needs it. */
    public static IssuedCredential ensure(DemoConfiguration demo) {
        Path file = demo.folder().resolve(CREDENTIAL);
        synchronized (LOCK) {
            if (!Files.isRegularFile(file)) {
                Instant notBefore = Instant.now().minus(Duration.ofDays(1));
                demo.loadIssuingCa(KeyPairSource.fresh()).issue(CertificateRequest.builder(
                        String.format(DN_FORMAT, UUID.randomUUID()), notBefore, notBefore.plus(Duration.ofDays(3 * 365)))
                        .crlDistributionPoint(demo.crlUrl()).build())
                        .writePkcs12(file, ALIAS, demo.password().toCharArray());
            }
        }
        return IssuedCredential.read(file, ALIAS, demo.password().toCharArray());
    }

    /**
     * Adds the demo audience to {@code sts_audconf.iboConfig}, or sets its {@code publicKey} to this folder's
     * certificate; the other columns an admin may have edited are kept.
     */
    public static void register(DataSource database, IssuedCredential serviceProvider) throws SQLException {
        String certificate;
        try {
            certificate = Base64.getEncoder().encodeToString(serviceProvider.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The demo service provider's certificate cannot be encoded", e);
        }
        try (Connection connection = database.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO sts_audconf.iboConfig (audience, publicKey,"
                        + " recipientURL, includeBST, deliveryNotOnOrAfterOffset, notBeforeOffset, notOnOrAfterOffset,"
                        + " idCardMaxAgeMins) VALUES (?, ?, ?, TRUE, ?, ?, ?, NULL)"
                        + " ON DUPLICATE KEY UPDATE publicKey = VALUES(publicKey)")) {
            upsert.setString(1, AUDIENCE);
            upsert.setString(2, certificate);
            upsert.setString(3, RECIPIENT_URL);
            upsert.setLong(4, DELIVERY_OFFSET_MILLIS);
            upsert.setLong(5, NOT_BEFORE_OFFSET_MILLIS);
            upsert.setLong(6, NOT_ON_OR_AFTER_OFFSET_MILLIS);
            upsert.executeUpdate();
        }
    }
}
