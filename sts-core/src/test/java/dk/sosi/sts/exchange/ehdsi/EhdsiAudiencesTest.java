package dk.sosi.sts.exchange.ehdsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.EditableConfiguration;
import dk.sosi.sts.configuration.EhdsiPolicy;
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

class EhdsiAudiencesTest {

    private static final String FMK = "https://fmk";
    private static final String DDV = "https://ddv";
    private static final String NCP = "CVR:33257872-FID:1234";

    private static final StsConfiguration CONFIGURATION = configuration(rows(), List.of(
            new EhdsiPolicy(FMK, "urn:dk:ncp:eHDSI-default", "urn:dk:sosi:ehdsi-idws-xua:standard"),
            new EhdsiPolicy(FMK, "urn:dk:sosi:sts:eHDSI-strict", "urn:dk:sosi:ehdsi-idws-xua:standard"),
            new EhdsiPolicy(DDV, "urn:dk:ncp:eHDSI-default", "a"),
            new EhdsiPolicy(DDV, "urn:dk:ncp:eHDSI-default", "b")));

    private final EhdsiAudiences audiences = new EhdsiAudiences(CONFIGURATION);
    private final EhdsiPolicies policies = new EhdsiPolicies(CONFIGURATION);

    private static AttributeTable.Builder rows() {
        AttributeTable.Builder rows = AttributeTable.builder();
        rows.addIfAbsent(FMK, "lifetime", "3600");
        rows.addIfAbsent(FMK, "fuzzyTime", "60000");
        rows.addIfAbsent(FMK, "allowedDriftInSeconds", "30");
        rows.addIfAbsent(FMK, "validateHOK", "False");
        rows.addIfAbsent(FMK, "whitelistValidation", "true");
        rows.addIfAbsent(FMK, "certificate.ncp", NCP);
        rows.addIfAbsent(DDV, "lifetime", "300");
        rows.addIfAbsent("https://minlog", "certificate.ncp", NCP);
        rows.addIfAbsent("https://broken", "lifetime", "300");
        rows.addIfAbsent("https://broken", "fuzzyTime", "-5");
        return rows;
    }

    @Test
    void findReadsEveryAttributeOfAnActiveAudience() {
        EhdsiAudience fmk = audiences.find(Optional.of(" https://fmk "));

        assertEquals(new EhdsiAudience(FMK, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(30), false, true, Set.of(NCP)), fmk);
    }

    @Test
    void findWhenOnlyLifetimeThenTheDefaultsHolderOfKeyCheckedAndNoWhitelist() {
        assertEquals(new EhdsiAudience(DDV, Duration.ofMinutes(5), Duration.ZERO, Duration.ofSeconds(300), true, false, Set.of()),
                audiences.find(Optional.of(DDV)));
    }

    @Test
    void findWhenNoLifetimeThenNotConfigured() {
        StsFault fault = assertThrows(StsFault.class, () -> audiences.find(Optional.of("https://minlog")));

        assertEquals(FaultCode.INVALID_SCOPE, fault.code());
        assertEquals("Audience not configured: \"https://minlog\"", fault.getMessage());
    }

    @Test
    void findWhenAValueIsUnusableThenTheConfigurationsFault() {
        StsFault fault = assertThrows(StsFault.class, () -> audiences.find(Optional.of("https://broken")));

        assertEquals(FaultCode.REQUEST_FAILED, fault.code());
        assertEquals("The ehdsiAudienceConfiguration fuzzyTime of audience \"https://broken\" is not a whole number of at least 0",
                fault.getMessage());
    }

    @Test
    void whitelistIsTheCertificateRowsOnlyWhereWhitelistValidationIsOn() {
        assertEquals(Optional.of(Set.of(NCP)), audiences.whitelist().allowedSigners(request(FMK)));
        assertEquals(Optional.empty(), audiences.whitelist().allowedSigners(request(DDV)));
        StsFault inactive = assertThrows(StsFault.class, () -> audiences.whitelist().allowedSigners(request("https://minlog")));
        assertEquals(FaultCode.INVALID_SCOPE, inactive.code());
    }

    @Test
    void policiesMapEachIncomingPolicyOfTheAudience() {
        assertEquals("urn:dk:sosi:ehdsi-idws-xua:standard", policies.stsPolicyFor(FMK, "urn:dk:sosi:sts:eHDSI-strict"));
        StsFault other = assertThrows(StsFault.class, () -> policies.stsPolicyFor(FMK, "urn:dk:sosi:ehdsi-idws-xua:standard"));
        assertEquals(FaultCode.FAILED_AUTHENTICATION, other.code());
        StsFault ambiguous = assertThrows(StsFault.class, () -> policies.stsPolicyFor(DDV, "urn:dk:ncp:eHDSI-default"));
        assertEquals(FaultCode.REQUEST_FAILED, ambiguous.code());
        assertTrue(ambiguous.getMessage().endsWith("to more than one sts_policy"), ambiguous.getMessage());
        assertFalse(policies.stsPolicyFor(FMK, "urn:dk:ncp:eHDSI-default").isEmpty());
    }

    private static RequestSecurityToken request(String audience) {
        return new RequestSecurityToken(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.of(audience), List.of());
    }

    private static StsConfiguration configuration(AttributeTable.Builder rows, List<EhdsiPolicy> policies) {
        return new EditableConfiguration(new ConfigurationSnapshot(List.of(), AttributeTable.empty(), AttributeTable.empty(),
                AttributeTable.empty(), List.of(), List.of(), rows.build(), policies, Instant.EPOCH));
    }
}
