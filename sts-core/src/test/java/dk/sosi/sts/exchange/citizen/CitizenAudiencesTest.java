package dk.sosi.sts.exchange.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.ReloadStatus;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.oio.RequestSecurityToken;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CitizenAudiencesTest {

    private static final String FMK = "https://fmk";
    private static final String APP = "CVR:20921897-FID:12345678";

    private final CitizenAudiences audiences = new CitizenAudiences(configuration(AttributeTable.builder()));

    @Test
    void findReadsEveryAttributeOfAnActiveAudience() {
        CitizenAudience fmk = audiences.find(Optional.of(" https://fmk "));

        assertEquals(FMK, fmk.audience());
        assertEquals(Duration.ofSeconds(3600), fmk.lifetime());
        assertEquals(Set.of(APP, "UI:DK-O:G:9f1c"), fmk.allowedSigners());
        assertEquals(Optional.of("fmk"), fmk.jwtScope());
        assertEquals(Optional.of("V11"), fmk.blurring());
        assertEquals(Set.of(APP, "CVR:1-FID:2"), fmk.wardSigners());
        assertEquals(Optional.of("https://fmk/saml/SAMLAssertionConsumer"), fmk.recipientUrl());
        assertTrue(fmk.includeBst());
    }

    @Test
    void anAudienceWithoutLifetimeIsNotActive() {
        StsFault fault = assertThrows(StsFault.class, () -> audiences.find(Optional.of("https://minlog")));

        assertEquals(FaultCode.INVALID_SCOPE, fault.code());
        assertEquals("Audience not configured: \"https://minlog\"", fault.getMessage());
    }

    @Test
    void aRequestWithoutAudienceIsRefused() {
        StsFault fault = assertThrows(StsFault.class, () -> audiences.find(Optional.empty()));

        assertEquals(FaultCode.INVALID_SCOPE, fault.code());
    }

    @Test
    void aLifetimeThatIsNoNumberIsTheConfigurationsFault() {
        StsFault fault = assertThrows(StsFault.class, () -> audiences.find(Optional.of("https://broken")));

        assertEquals(FaultCode.REQUEST_FAILED, fault.code());
    }

    @Test
    void theWhitelistIsTheRequestedAudiencesCertificateRowsAndEmptyForOthers() {
        assertEquals(Optional.of(Set.of(APP, "UI:DK-O:G:9f1c")), audiences.whitelist().allowedSigners(request(FMK)));
        assertEquals(Optional.of(Set.of()), audiences.whitelist().allowedSigners(request("https://minlog")));
        assertFalse(audiences.find(Optional.of("https://dds")).includeBst());
    }

    private static RequestSecurityToken request(String audience) {
        return new RequestSecurityToken(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.of(audience), List.of());
    }

    private static StsConfiguration configuration(AttributeTable.Builder rows) {
        rows.addIfAbsent(FMK, "lifetime", "3600");
        rows.addIfAbsent(FMK, "certificate.app", APP);
        rows.addIfAbsent(FMK, "certificate.app3", "UI:DK-O:G:9f1c");
        rows.addIfAbsent(FMK, "jwtScope", "fmk");
        rows.addIfAbsent(FMK, "blurring", "V11");
        rows.addIfAbsent(FMK, "srp.ward.certificate", APP + ", CVR:1-FID:2");
        rows.addIfAbsent(FMK, "recipientURL", "https://fmk/saml/SAMLAssertionConsumer");
        rows.addIfAbsent(FMK, "includeBST", "yes");
        rows.addIfAbsent("https://minlog", "certificate.app", APP);
        rows.addIfAbsent("https://broken", "lifetime", "an hour");
        rows.addIfAbsent("https://dds", "lifetime", "600");
        ConfigurationSnapshot snapshot = new ConfigurationSnapshot(List.of(), rows.build(), AttributeTable.empty(),
                AttributeTable.empty(), List.of(), List.of(), AttributeTable.empty(), List.of(), Instant.EPOCH);
        return new StsConfiguration() {
            @Override
            public ConfigurationSnapshot current() {
                return snapshot;
            }

            @Override
            public ReloadStatus status() {
                return ReloadStatus.neverReloaded();
            }
        };
    }
}
