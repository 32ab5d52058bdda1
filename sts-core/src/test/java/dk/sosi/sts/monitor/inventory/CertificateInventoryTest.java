package dk.sosi.sts.monitor.inventory;

import static dk.sosi.sts.monitor.inventory.TestCertificates.NOW;
import static dk.sosi.sts.monitor.inventory.TestCertificates.base64;
import static dk.sosi.sts.monitor.inventory.TestCertificates.certificate;
import static dk.sosi.sts.monitor.inventory.TestCertificates.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.EditableConfiguration;
import dk.sosi.sts.configuration.IboConfig;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateInventoryTest {

    private static final X509Certificate STS = certificate("CVR:33257872-FID:18911861", Instant.parse("2029-11-22T10:00:00Z"));
    private static final X509Certificate ROOT = TestCertificates.issue("CN=SOSI Demo Root CA, O=SOSI-STS demo, C=DK",
            NOW.minus(Duration.ofDays(1)), Instant.parse("2046-11-22T10:00:00Z"));
    private static final X509Certificate EXPIRING = certificate("CVR:11111111-FID:3", NOW.plus(Duration.ofDays(10)));

    private final EditableConfiguration configuration = new EditableConfiguration();
    private final CertificateInventory inventory = new CertificateInventory(List.of(
            new KeystoreCertificates("teststs-1.keystore", Map.of("sts", STS), List.of(), policy()),
            new KeystoreCertificates("federation-trust.jks", Map.of("demo-root-ca", ROOT), List.of(), policy()),
            new DatabaseCertificates(configuration, policy(), List.of())), policy(), ZoneOffset.UTC);

    @Test
    void renderWhenEverySourceReadsThenOneLinePerCertificateWithStatusWhereSubjectExpiryAndDaysLeft() {
        configuration.set(new ConfigurationSnapshot(
                List.of(new IboConfig("/expiring", base64(EXPIRING), "/login", true, 0, 0, 3600000, null),
                        new IboConfig("/broken", "MIIB not a certificate", "/login", true, 0, 0, 3600000, null)),
                AttributeTable.empty(), AttributeTable.empty(), AttributeTable.empty(), List.of(), List.of(), AttributeTable.empty(),
                List.of(), NOW));

        assertEquals("""
                OK\tteststs-1.keystore/sts\tCVR:33257872-FID:18911861\tExpires: 22-11-2029 10:00:00\tDays left: 1095
                OK\tfederation-trust.jks/demo-root-ca\tCN=SOSI Demo Root CA,O=SOSI-STS demo,C=DK\tExpires: 22-11-2046 10:00:00\tDays left: 7304
                Expiring\tsts_audconf.iboConfig[/expiring].publicKey\tCVR:11111111-FID:3\tExpires: 03-12-2026 10:00:00\tDays left: 10
                Unreadable\tsts_audconf.iboConfig[/broken].publicKey\t-\tExpires: -\tDays left: -
                """, inventory.render());
    }

    @Test
    void renderWhenConfigurationNeverLoadedThenKeystoresAndWhyTheDatabaseIsMissing() {
        assertEquals("""
                OK\tteststs-1.keystore/sts\tCVR:33257872-FID:18911861\tExpires: 22-11-2029 10:00:00\tDays left: 1095
                OK\tfederation-trust.jks/demo-root-ca\tCN=SOSI Demo Root CA,O=SOSI-STS demo,C=DK\tExpires: 22-11-2046 10:00:00\tDays left: 7304
                Unavailable\tThe STS database is unreachable and no configuration has been loaded yet: Connection refused
                """, inventory.render());
    }
}
