package dk.sosi.sts.exchange.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.ReloadStatus;
import dk.sosi.sts.configuration.RoleDefinition;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.configuration.TrustedCvr;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalRoleCheckTest {

    private static final String ROLE = "urn:dk:healthcare:national-federation-role:code:40001:value:Laegesekretaer";

    private static StsConfiguration configuration(List<TrustedCvr> trustedCvr) {
        ConfigurationSnapshot snapshot = new ConfigurationSnapshot(List.of(), AttributeTable.empty(), AttributeTable.empty(),
                AttributeTable.empty(), List.of(new RoleDefinition("NationalFederation", "nspLaegesekretaer", "40001", "Laegesekretaer")),
                trustedCvr, AttributeTable.empty(), List.of(), Instant.EPOCH);
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

    @Test
    void checkWhenRoleIsNotNationalThenNothingAsked() {
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> fail("directory asked"), configuration(List.of()),
                NationalRoleCheck.ENDPOINT_STS);

        assertDoesNotThrow(() -> check.check("7170", Optional.of("0101701234"), "20921897", TestRequests.ANY));
    }

    @Test
    void checkWhenRoleHeldThenAccepted() {
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> Set.of("nspLaegesekretaer"), configuration(List.of()),
                NationalRoleCheck.ENDPOINT_STS);

        assertDoesNotThrow(() -> check.check(ROLE, Optional.of("0101701234"), "20921897", TestRequests.ANY));
    }

    @Test
    void checkWhenRoleNotDefinedThenInvalidRoleSupplied() {
        String unknown = "urn:dk:healthcare:national-federation-role:code:99999:value:Ukendt";
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> fail("directory asked"), configuration(List.of()),
                NationalRoleCheck.ENDPOINT_STS);

        StsFault fault = assertThrows(StsFault.class, () -> check.check(unknown, Optional.of("0101701234"), "20921897", TestRequests.ANY));

        assertEquals(String.format(NationalRoleCheck.INVALID_ROLE, unknown), fault.getMessage());
        assertEquals(Optional.of(FaultCode.AUTHORIZATION_ACTOR), fault.actor());
    }

    @Test
    void checkWhenRoleNotHeldThenUserDoesNotHaveRole() {
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> Set.of("nspAndet"), configuration(List.of()),
                NationalRoleCheck.ENDPOINT_STS);

        StsFault fault = assertThrows(StsFault.class, () -> check.check(ROLE, Optional.of("0101701234"), "20921897", TestRequests.ANY));

        assertEquals(String.format(NationalRoleCheck.ROLE_NOT_HELD, ROLE), fault.getMessage());
    }

    @Test
    void checkWhenTrustedCvrForStsWithNullRoleThenDirectoryNotAsked() {
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> fail("directory asked"),
                configuration(List.of(new TrustedCvr("20921897", "STS", null))), NationalRoleCheck.ENDPOINT_STS);

        assertDoesNotThrow(() -> check.check(ROLE, Optional.of("0101701234"), "20921897", TestRequests.ANY));
    }

    @Test
    void checkWhenTrustedCvrOnlyForOtherEndpointOrRoleThenDirectoryDecides() {
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> Set.of(), configuration(List.of(
                new TrustedCvr("20921897", "NBO", null), new TrustedCvr("20921897", "STS", "PlejeAssR3"))), NationalRoleCheck.ENDPOINT_STS);

        assertThrows(StsFault.class, () -> check.check(ROLE, Optional.of("0101701234"), "20921897", TestRequests.ANY));
    }

    @Test
    void checkAgainstWhenTokenPrivilegesNameTheRoleThenAcceptedWithoutTheDirectory() {
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> fail("directory asked"), configuration(List.of()),
                NationalRoleCheck.ENDPOINT_BST2SOSI);

        assertDoesNotThrow(() -> check.checkAgainst(Set.of(ROLE), ROLE, "20921897"));
        assertDoesNotThrow(() -> check.checkAgainst(Set.of("nspLaegesekretaer"), ROLE, "20921897"));
    }

    @Test
    void checkAgainstWhenTokenPrivilegesLackTheRoleThenUserDoesNotHaveRole() {
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> fail("directory asked"), configuration(List.of()),
                NationalRoleCheck.ENDPOINT_BST2SOSI);

        StsFault fault = assertThrows(StsFault.class, () -> check.checkAgainst(Set.of("nspAndet"), ROLE, "20921897"));

        assertEquals(String.format(NationalRoleCheck.ROLE_NOT_HELD, ROLE), fault.getMessage());
        assertEquals(Optional.of(FaultCode.AUTHORIZATION_ACTOR), fault.actor());
    }

    @Test
    void checkAgainstWhenTrustedCvrForBst2SosiThenAcceptedWithoutPrivileges() {
        NationalRoleCheck check = new NationalRoleCheck((cpr, cvr, request) -> fail("directory asked"),
                configuration(List.of(new TrustedCvr("20921897", NationalRoleCheck.ENDPOINT_BST2SOSI, null))),
                NationalRoleCheck.ENDPOINT_BST2SOSI);

        assertDoesNotThrow(() -> check.checkAgainst(Set.of(), ROLE, "20921897"));
    }
}
