package dk.sosi.sts.exchange.dgws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.pid.PidService;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.trust.OcesCertificate;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CprRelationCheckTest {

    private static final String KARL_CPR = "0101701234";
    private static final String UUID = "e9f5888c-26c1-46f7-b22f-de1cf658b0d9";

    private static OcesCertificate moces2;
    private static OcesCertificate moces3;
    private static OcesCertificate foces3;
    private static OcesCertificate poces;

    /** The backend calls made, in order, as {@code service:key}. */
    private final List<String> calls = new ArrayList<>();
    private final CvrRidService cvrRid = (cvr, rid, request) -> {
        calls.add("cvr-rid:" + cvr + "-" + rid);
        return rid.equals("46283716") ? Optional.of(KARL_CPR) : Optional.empty();
    };
    private final Uuid2CprService uuid2Cpr = (uuid, request) -> {
        calls.add("uuid2cpr:" + uuid);
        return uuid.equals(UUID) ? Optional.of(KARL_CPR) : Optional.empty();
    };
    private final PidService pid = (pid, cpr, request) -> {
        calls.add("pid:" + pid);
        return cpr.equals("0505651234");
    };
    private final CprRelationCheck check = new CprRelationCheck(cvrRid, uuid2Cpr, pid);

    @BeforeAll
    static void certificates() {
        Instant now = Instant.now();
        KeyPairSource keys = KeyPairSource.recycling(1);
        CertificateAuthority ca = CertificateAuthority.createRoot("CN=CPR CA, C=DK", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), keys);
        KeyPair key = keys.rsa(CertificateRequest.DEFAULT_KEY_SIZE);
        moces2 = OcesCertificate.of(ca.issue(CertificateRequest.builder("CN=Karl + SERIALNUMBER=CVR:20921897-RID:46283716, C=DK",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))).keyPair(key).build()).certificate());
        moces3 = OcesCertificate.of(ca.issue(CertificateRequest.builder("SERIALNUMBER=UI:DK-E:G:" + UUID
                + ", CN=Karl, 2.5.4.97=NTRDK-20921897, C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))
                .keyPair(key).build()).certificate());
        foces3 = OcesCertificate.of(ca.issue(CertificateRequest.builder("SERIALNUMBER=UI:DK-O:G:" + UUID
                + ", CN=System, 2.5.4.97=NTRDK-20921897, C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))
                .keyPair(key).build()).certificate());
        poces = OcesCertificate.of(ca.issue(CertificateRequest.builder("CN=Borger + SERIALNUMBER=PID:9208-2002-2-741852963, C=DK",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))).keyPair(key).build()).certificate());
    }

    private static UserLog user(Optional<String> cpr) {
        return new UserLog(cpr, "Karl", "Hansen", Optional.empty(), "7170", Optional.of("J0184"), Optional.empty());
    }

    @Test
    void checkWhenOces2EmployeeCardCarriesTheRegisteredCprThenUnchangedAndOnlyCvrRidAsked() {
        UserLog user = user(Optional.of(KARL_CPR));

        assertEquals(user, check.check(user, moces2, TestRequests.ANY));
        assertEquals(List.of("cvr-rid:20921897-46283716"), calls);
    }

    @Test
    void checkWhenOces3EmployeeCardCarriesTheRegisteredCprThenUnchangedAndOnlyUuid2CprAsked() {
        UserLog user = user(Optional.of(KARL_CPR));

        assertEquals(user, check.check(user, moces3, TestRequests.ANY));
        assertEquals(List.of("uuid2cpr:" + UUID), calls);
    }

    @Test
    void checkWhenOces3EmployeeCardCarriesAnotherCprThenNotRelated() {
        StsFault fault = assertThrows(StsFault.class, () -> check.check(user(Optional.of("2222222226")), moces3, TestRequests.ANY));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals("Authentication failed: the CPR in the id-card does not belong to the certificate UI:DK-E:G:" + UUID,
                fault.getMessage());
    }

    @Test
    void checkWhenOces2EmployeeCardWithoutCprThenCvrRidCprFilledInAndTheRestKept() {
        UserLog checked = check.check(user(Optional.empty()), moces2, TestRequests.ANY);

        assertEquals(user(Optional.of(KARL_CPR)), checked);
    }

    @Test
    void checkWhenOces3EmployeeCardWithoutCprThenUuid2CprCprFilledIn() {
        UserLog checked = check.check(user(Optional.empty()), moces3, TestRequests.ANY);

        assertEquals(Optional.of(KARL_CPR), checked.civilRegistrationNumber());
        assertEquals(List.of("uuid2cpr:" + UUID), calls);
    }

    @Test
    void checkWhenEmployeeCardWithoutCprAndNoneRegisteredThenFailedAuthenticationNamingTheService() {
        CprRelationCheck unknown = new CprRelationCheck((cvr, rid, request) -> Optional.empty(), (uuid, request) -> Optional.empty(), pid);

        StsFault oces2 = assertThrows(StsFault.class, () -> unknown.check(user(Optional.empty()), moces2, TestRequests.ANY));
        StsFault oces3 = assertThrows(StsFault.class, () -> unknown.check(user(Optional.empty()), moces3, TestRequests.ANY));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, oces3.code());
        assertEquals("Authentication failed: the CVR-RID service knows no CPR for the certificate CVR:20921897-RID:46283716",
                oces2.getMessage());
        assertEquals("Authentication failed: the UUID2CPR service knows no CPR for the certificate UI:DK-E:G:" + UUID,
                oces3.getMessage());
    }

    @Test
    void checkWhenUuid2CprUnavailableThenItsFailurePassesToTheFaultMapper() {
        CprRelationCheck down = new CprRelationCheck(cvrRid, (uuid, request) -> {
            throw new BackendUnavailableException(Uuid2CprService.SERVICE_NAME, "HTTP 503", null);
        }, pid);

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> down.check(user(Optional.empty()), moces3, TestRequests.ANY));

        assertEquals("UUID2CPR service did not answer; try again later", e.callerMessage());
    }

    @Test
    void checkWhenPersonCardCarriesARelatedCprThenUnchanged() {
        UserLog user = user(Optional.of("0505651234"));

        assertEquals(user, check.check(user, poces, TestRequests.ANY));
        assertEquals(List.of("pid:9208-2002-2-741852963"), calls);
    }

    @Test
    void checkWhenPersonCardWithoutCprThenBadElementsAndPidNotAsked() {
        StsFault fault = assertThrows(StsFault.class, () -> check.check(user(Optional.empty()), poces, TestRequests.ANY));

        assertEquals(FaultCode.AUTHENTICATION_BAD_ELEMENTS, fault.code());
        assertEquals("Authentication failed: a user id-card signed by PID:9208-2002-2-741852963 must carry "
                + "medcom:UserCivilRegistrationNumber", fault.getMessage());
        assertEquals(List.of(), calls);
    }

    @Test
    void checkWhenPersonCardCprNotRelatedThenNotRelated() {
        StsFault fault = assertThrows(StsFault.class, () -> check.check(user(Optional.of(KARL_CPR)), poces, TestRequests.ANY));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
    }

    @Test
    void checkWhenSystemSignerThenUserLogAsItIsAndNoBackendAsked() {
        UserLog user = user(Optional.empty());

        assertEquals(user, check.check(user, foces3, TestRequests.ANY));
        assertEquals(List.of(), calls);
    }
}
