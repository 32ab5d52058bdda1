package dk.sosi.sts.exchange.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.backend.authorization.Authorization;
import dk.sosi.sts.exchange.TestRequests;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.idcard.UserLog;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationCheckTest {

    private static UserLog user(String role, Optional<String> code) {
        return new UserLog(Optional.of("0101701234"), "Karl", "Hansen", Optional.empty(), role, code, Optional.empty());
    }

    @Test
    void checkWhenCodeRegisteredThenUserLogUnchanged() {
        UserLog user = user("7170", Optional.of("J0184"));

        assertEquals(user, new AuthorizationCheck((cpr, request) -> List.of(new Authorization("J0184", "7170"))).check(user, TestRequests.ANY));
    }

    @Test
    void checkWhenCodeNotRegisteredThenAuthorizationNotFoundFromAuthorisationActor() {
        AuthorizationCheck check = new AuthorizationCheck((cpr, request) -> List.of(new Authorization("ABC12", "7170")));

        StsFault fault = assertThrows(StsFault.class, () -> check.check(user("7170", Optional.of("J0184")), TestRequests.ANY));

        assertEquals(AuthorizationCheck.NOT_FOUND, fault.getMessage());
        assertEquals(Optional.of(FaultCode.AUTHORIZATION_ACTOR), fault.actor());
    }

    @Test
    void checkWhenNoCodeAndOneAuthorizationForTheEducationThenCodeFilledIn() {
        UserLog checked = new AuthorizationCheck((cpr, request) -> List.of(new Authorization("J0184", "7170"), new Authorization("X1", "5166")))
                .check(user("7170", Optional.empty()), TestRequests.ANY);

        assertEquals(Optional.of("J0184"), checked.authorizationCode());
    }

    @Test
    void checkWhenNoCodeAndRegisterDownThenCardIssuedAsIs() {
        UserLog user = user("7170", Optional.empty());

        UserLog checked = new AuthorizationCheck((cpr, request) -> {
            throw new BackendUnavailableException("Authorization", "down", null);
        }).check(user, TestRequests.ANY);

        assertEquals(user, checked);
    }
}
