package dk.sosi.sts.config.oio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.exchange.oiosaml2sosi.NboSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bean nboConfiguration: the guide's properties, their units and defaults. */
class NboConfigurationPropertiesTest {

    @Test
    void toSettingsWhenNothingSetThenTheDefaults() {
        NboConfigurationProperties properties = new NboConfigurationProperties();

        assertEquals(new NboSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(5), Set.of()),
                properties.toSettings());
        assertEquals(Optional.empty(), properties.trustedVault());
    }

    @Test
    void toSettingsWhenSetThenMillisecondsSecondsAndTrimmedSerialNumbers() {
        NboConfigurationProperties properties = new NboConfigurationProperties();
        properties.setFuzzyTime(60_000);
        properties.setIdCardDuration(3_600_000);
        properties.setAllowedDriftInSeconds(30);
        properties.setCprTrustCertificates(List.of(" CVR:33257872-UID:1 ", "", "UI:DK-O:G:9f1c"));
        properties.setTrustedVault(" /pack/sts/test-new-nemLogin-idp.keystore ");

        assertEquals(new NboSettings(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(30),
                Set.of("CVR:33257872-UID:1", "UI:DK-O:G:9f1c")), properties.toSettings());
        assertEquals(Optional.of("/pack/sts/test-new-nemLogin-idp.keystore"), properties.trustedVault());
    }

    @Test
    void toSettingsWhenOutOfRangeThenNamesTheProperty() {
        NboConfigurationProperties noDuration = new NboConfigurationProperties();
        noDuration.setIdCardDuration(0);
        NboConfigurationProperties negativeDrift = new NboConfigurationProperties();
        negativeDrift.setAllowedDriftInSeconds(-1);
        NboConfigurationProperties negativeFuzzyTime = new NboConfigurationProperties();
        negativeFuzzyTime.setFuzzyTime(-1);

        assertEquals("idCardDuration must be more than 0 milliseconds, was 0",
                assertThrows(IllegalArgumentException.class, noDuration::toSettings).getMessage());
        assertEquals("allowedDriftInSeconds must be 0 or more, was -1",
                assertThrows(IllegalArgumentException.class, negativeDrift::toSettings).getMessage());
        assertEquals("fuzzyTime must be 0 or more milliseconds, was -1",
                assertThrows(IllegalArgumentException.class, negativeFuzzyTime::toSettings).getMessage());
    }
}
