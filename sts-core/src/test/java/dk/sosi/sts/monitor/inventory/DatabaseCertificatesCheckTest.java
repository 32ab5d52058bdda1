package dk.sosi.sts.monitor.inventory;

import static dk.sosi.sts.monitor.inventory.TestCertificates.NOW;
import static dk.sosi.sts.monitor.inventory.TestCertificates.base64;
import static dk.sosi.sts.monitor.inventory.TestCertificates.certificate;
import static dk.sosi.sts.monitor.inventory.TestCertificates.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.EditableConfiguration;
import dk.sosi.sts.configuration.IboConfig;
import dk.sosi.sts.monitor.CheckResult;
import dk.sosi.sts.monitor.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseCertificatesCheckTest {

    private static final X509Certificate VALID = certificate("CVR:11111111-FID:1", NOW.plus(Duration.ofDays(300)));
    private static final X509Certificate EXPIRED = certificate("CVR:11111111-FID:2", NOW.minus(Duration.ofDays(3)));
    private static final X509Certificate EXPIRING = certificate("CVR:11111111-FID:3", NOW.plus(Duration.ofDays(10)));
    /** Stands in for a private key: it must never be parsed, counted or shown. */
    private static final String PRIVATE_KEY = "MIIG/gIBADANBgkqhkiG9w0BAQEFAASCBugwggbkAgEAAoIBgQDDjbGCHjgv";

    private final EditableConfiguration configuration = new EditableConfiguration();
    private final DatabaseCertificatesCheck check = new DatabaseCertificatesCheck("Database certificates", configuration, policy(),
            List.of("sts_audconf.trustedIdpConfiguration[https://oio3bst-issuer.dk].signingKey.revoked"));

    private static ConfigurationSnapshot snapshot(List<IboConfig> iboConfig, AttributeTable trustedIdp, AttributeTable citizen,
            AttributeTable ehdsi) {
        return new ConfigurationSnapshot(iboConfig, AttributeTable.empty(), trustedIdp, citizen, List.of(), List.of(), ehdsi,
                List.of(), NOW);
    }

    private static ConfigurationSnapshot iboConfig(String audience, String publicKey) {
        return snapshot(List.of(new IboConfig(audience, publicKey, "/ststest/login", true, 0, 0, 3600000, null)),
                AttributeTable.empty(), AttributeTable.empty(), AttributeTable.empty());
    }

    private static AttributeTable table(String key, String... attributesAndValues) {
        AttributeTable.Builder builder = AttributeTable.builder();
        for (int i = 0; i < attributesAndValues.length; i += 2) {
            builder.addIfAbsent(key, attributesAndValues[i], attributesAndValues[i + 1]);
        }
        return builder.build();
    }

    @Test
    void runWhenEveryTableHoldsValidCertificatesThenOkWithEachLocation() {
        String withLineBreaks = base64(VALID);
        configuration.set(snapshot(
                List.of(new IboConfig("/ststest3", "  " + withLineBreaks.replace("\n", " \r\n\t"), "/ststest/login", true, 0, 0, 3600000, null)),
                table("https://oio3bst-issuer.dk", "signingKey.valid", withLineBreaks, "encryptionKey.1", PRIVATE_KEY,
                        "encryptionPublicKey.1", withLineBreaks, "tokenProfile.1", "OIO3BST", "validateHOK", "true"),
                table("https://oio3bst-issuer.dk", "signingKey.1", withLineBreaks, "encryptionKey.1", PRIVATE_KEY,
                        "encryptionPublicKey.1", withLineBreaks, "audience", "http://audience/clear"),
                table("https://audience.nspop.dk/ehdsi", "signingKey.1", withLineBreaks, "certificate.1", "CVR:11111111-FID:1",
                        "lifetime", "300")));

        CheckResult result = check.run();

        assertEquals(Severity.OK, result.severity());
        assertEquals("Database certificates: OK (6 certificates)", result.line());
        assertEquals(List.of(
                "sts_audconf.iboConfig[/ststest3].publicKey",
                "sts_audconf.trustedIdpConfiguration[https://oio3bst-issuer.dk].encryptionPublicKey.1",
                "sts_audconf.trustedIdpConfiguration[https://oio3bst-issuer.dk].signingKey.valid",
                "sts_audconf.trustedIdpCitizenConfiguration[https://oio3bst-issuer.dk].encryptionPublicKey.1",
                "sts_audconf.trustedIdpCitizenConfiguration[https://oio3bst-issuer.dk].signingKey.1",
                "sts_ehdsiconf.ehdsiAudienceConfiguration[https://audience.nspop.dk/ehdsi].signingKey.1"),
                check.certificates().entries().stream().map(CertificateEntry::location).toList());
    }

    @Test
    void runWhenIboConfigPublicKeyExpiredThenFailedNamingIt() {
        configuration.set(iboConfig("/ststest3", base64(EXPIRED)));

        CheckResult result = check.run();

        assertEquals(Severity.FAILED, result.severity());
        assertEquals("Database certificates: Expired sts_audconf.iboConfig[/ststest3].publicKey -> CVR:11111111-FID:2"
                + " (NotAfter 2026-11-20T10:00:00Z)", result.line());
    }

    @Test
    void runWhenSigningKeyWithinWarningHorizonThenExpiringWarning() {
        configuration.set(snapshot(List.of(), AttributeTable.empty(), AttributeTable.empty(),
                table("https://audience.nspop.dk/ehdsi", "signingKey.1", base64(EXPIRING))));

        CheckResult result = check.run();

        assertEquals(Severity.WARNING, result.severity());
        assertEquals("Database certificates: Expiring sts_ehdsiconf.ehdsiAudienceConfiguration[https://audience.nspop.dk/ehdsi].signingKey.1"
                + " -> CVR:11111111-FID:3 (NotAfter 2026-12-03T10:00:00Z)", result.line());
    }

    @Test
    void runWhenValueIsNotACertificateThenUnreadableWithoutShowingTheValue() {
        String notDer = Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.US_ASCII));
        configuration.set(snapshot(List.of(), table("https://idp", "signingKey.notbase64", "%%% secret %%%",
                "signingKey.notder", notDer, "encryptionPublicKey.truncated", base64(VALID).substring(0, 200)),
                AttributeTable.empty(), AttributeTable.empty()));

        CheckResult result = check.run();

        assertEquals(Severity.FAILED, result.severity());
        assertEquals("Database certificates: Unreadable sts_audconf.trustedIdpConfiguration[https://idp].encryptionPublicKey.truncated;"
                + " Unreadable sts_audconf.trustedIdpConfiguration[https://idp].signingKey.notbase64;"
                + " Unreadable sts_audconf.trustedIdpConfiguration[https://idp].signingKey.notder", result.line());
        assertFalse(result.line().contains("secret"));
    }

    @Test
    void runWhenLocationIsIgnoredThenIgnoredAndOk() {
        configuration.set(snapshot(List.of(), table("https://oio3bst-issuer.dk", "signingKey.valid", base64(VALID),
                "signingKey.revoked", base64(EXPIRED)), AttributeTable.empty(), AttributeTable.empty()));

        CheckResult result = check.run();

        assertEquals(Severity.OK, result.severity());
        assertEquals("Database certificates: OK (2 certificates, 1 ignored)", result.line());
        assertEquals(List.of(CertificateStatus.IGNORED, CertificateStatus.OK),
                check.certificates().entries().stream().map(CertificateEntry::status).toList());
    }

    @Test
    void runWhenAdminReplacesCertificateThenNextRunShowsTheNewOne() {
        configuration.set(iboConfig("/ststest3", base64(EXPIRED)));
        assertEquals(Severity.FAILED, check.run().severity());

        configuration.set(iboConfig("/ststest3", base64(VALID)));

        assertEquals("Database certificates: OK (1 certificate)", check.run().line());
    }

    @Test
    void runWhenConfigurationNeverLoadedThenFailedSayingWhy() {
        CheckResult result = check.run();

        assertEquals(Severity.FAILED, result.severity());
        assertEquals("Database certificates: FAILED (The STS database is unreachable and no configuration has been loaded yet:"
                + " Connection refused)", result.line());
    }

    @Test
    void runWhenIboConfigPublicKeyIsABarePublicKeyThenListedAsKeyByFingerprintWithoutExpiry() throws Exception {
        byte[] subjectPublicKeyInfo = VALID.getPublicKey().getEncoded();
        String fingerprint = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo));
        configuration.set(iboConfig("/bare-key", Base64.getMimeEncoder().encodeToString(subjectPublicKeyInfo)));

        CheckResult result = check.run();
        List<CertificateEntry> entries = check.certificates().entries();

        assertEquals("Database certificates: OK (1 certificate)", result.line());
        assertEquals(List.of(new CertificateEntry("sts_audconf.iboConfig[/bare-key].publicKey", "RSA key SHA-256:" + fingerprint,
                Optional.empty(), CertificateStatus.PUBLIC_KEY)), entries);
        assertEquals("Key", entries.get(0).status().text());
    }

    @Test
    void runWhenTrustedIdpSigningKeyIsABarePublicKeyThenUnreadable() {
        configuration.set(snapshot(List.of(), table("https://idp", "signingKey.bare",
                Base64.getEncoder().encodeToString(VALID.getPublicKey().getEncoded())), AttributeTable.empty(), AttributeTable.empty()));

        CheckResult result = check.run();

        assertEquals(Severity.FAILED, result.severity());
        assertEquals("Database certificates: Unreadable sts_audconf.trustedIdpConfiguration[https://idp].signingKey.bare", result.line());
    }
}
