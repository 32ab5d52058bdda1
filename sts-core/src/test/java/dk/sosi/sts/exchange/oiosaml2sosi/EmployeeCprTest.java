package dk.sosi.sts.exchange.oiosaml2sosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmployeeCprTest {

    /** The subject serial number of the IdP certificate in these tests. */
    private static final String IDP = "CVR:33257872-FID:18911861";
    private static final String UUID = "a0368eea-b281-46cc-9dc9-fec420831906";

    private final List<String> calls = new ArrayList<>();
    private final CvrRidService cvrRid = (cvr, rid, request) -> {
        calls.add("cvr-rid " + cvr + " " + rid);
        return "46283716".equals(rid) ? Optional.of("0101701234") : Optional.empty();
    };
    private final Uuid2CprService uuid2Cpr = (uuid, request) -> {
        calls.add("uuid2cpr " + uuid);
        return Optional.of("0202802345");
    };

    private static NemLogInAssertion employee(Optional<String> rid, Optional<String> uuid, Optional<String> cpr) {
        return new NemLogInAssertion(NameId.of("CN=Karl Hansen", NameId.X509_SUBJECT_NAME), TestSigningKeys.other().certificate(),
                "20921897", rid, uuid, cpr, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private EmployeeCpr trusting(String... idps) {
        return new EmployeeCpr(Set.of(idps), cvrRid, uuid2Cpr);
    }

    @Test
    void ofWhenIdpInCprTrustCertificatesThenTheAssertionsCprAndNoLookup() {
        String cpr = trusting(IDP).of(employee(Optional.of("46283716"), Optional.empty(), Optional.of("0707071234")), TestRequests.ANY);

        assertEquals("0707071234", cpr);
        assertEquals(List.of(), calls);
    }

    @Test
    void ofWhenIdpNotTrustedForCprThenCvrRidOfTheRid() {
        String cpr = trusting("CVR:11111111-FID:1").of(employee(Optional.of("46283716"), Optional.empty(), Optional.empty()),
                TestRequests.ANY);

        assertEquals("0101701234", cpr);
        assertEquals(List.of("cvr-rid 20921897 46283716"), calls);
    }

    @Test
    void ofWhenTrustedIdpStatesNoCprThenLookedUp() {
        assertEquals("0101701234", trusting(IDP).of(employee(Optional.of("46283716"), Optional.empty(), Optional.empty()),
                TestRequests.ANY));
    }

    @Test
    void ofWhenOces3EmployeeWithoutRidThenUuid2Cpr() {
        String cpr = trusting().of(employee(Optional.empty(), Optional.of(UUID), Optional.empty()), TestRequests.ANY);

        assertEquals("0202802345", cpr);
        assertEquals(List.of("uuid2cpr " + UUID), calls);
    }

    @Test
    void ofWhenAssertionsCprDiffersFromTheRegistersThenFailedAuthentication() {
        StsFault fault = assertThrows(StsFault.class, () -> trusting().of(
                employee(Optional.of("46283716"), Optional.empty(), Optional.of("0707071234")), TestRequests.ANY));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals("Authentication failed: the CPR in the NemLog-in assertion does not belong to CVR:20921897-RID:46283716",
                fault.getMessage());
    }

    @Test
    void ofWhenRegisterKnowsNoCprThenFailedAuthenticationNamingTheService() {
        StsFault fault = assertThrows(StsFault.class, () -> trusting().of(
                employee(Optional.of("999"), Optional.empty(), Optional.empty()), TestRequests.ANY));

        assertEquals("Authentication failed: the CVR-RID service knows no CPR for CVR:20921897-RID:999", fault.getMessage());
    }

    @Test
    void ofWhenNeitherRidNorUuidThenFailedAuthenticationWithoutLookup() {
        StsFault fault = assertThrows(StsFault.class, () -> trusting().of(
                employee(Optional.empty(), Optional.empty(), Optional.of("0707071234")), TestRequests.ANY));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals(String.format(EmployeeCpr.NO_KEY, "20921897"), fault.getMessage());
        assertEquals(List.of(), calls);
    }

    @Test
    void ofWhenStatedCprIsNotTenDigitsThenRefusedEvenFromATrustedIdp() {
        StsFault fault = assertThrows(StsFault.class, () -> trusting(IDP).of(
                employee(Optional.of("46283716"), Optional.empty(), Optional.of("01017O1234")), TestRequests.ANY));

        assertEquals(EmployeeCpr.NOT_A_CPR, fault.getMessage());
        assertEquals(List.of(), calls);
    }
}
