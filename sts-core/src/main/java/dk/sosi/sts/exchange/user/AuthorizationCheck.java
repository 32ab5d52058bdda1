package dk.sosi.sts.exchange.user;

import dk.sosi.sts.backend.authorization.Authorization;
import dk.sosi.sts.backend.authorization.AuthorizationRegister;
import dk.sosi.sts.backend.BackendUnavailableException;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.idcard.UserLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. A {@code medcom:UserAuthorizationCode} must be registered for the user in the
 * authorisation register (protocol.md 3.8). A card without one gets the code the register holds for
 * the education its role names, when the register answers with exactly one: the UserLog is normalised.
 */
public final class AuthorizationCheck {

    static final String NOT_FOUND = "Authentication failed: authorization not found";

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCheck.class);

    private final AuthorizationRegister register;

    public AuthorizationCheck(AuthorizationRegister register) {
        this.register = Objects.requireNonNull(register, "register");
    }

    /** The user log to issue: checked, and completed from the register where it answered. */
    public UserLog check(UserLog user, RequestContext request) {
        Optional<String> cpr = user.civilRegistrationNumber().filter(c -> !c.isBlank());
        if (user.authorizationCode().isPresent()) {
            String code = user.authorizationCode().get().trim();
            boolean found = cpr.isPresent()
                    && register.authorizationsOf(cpr.get(), request).stream().anyMatch(a -> a.authorizationCode().equals(code));
            if (!found) {
                throw new StsFault(FaultCode.FAILED_AUTHENTICATION, NOT_FOUND, FaultCode.AUTHORIZATION_ACTOR);
            }
            return user;
        }
        if (cpr.isEmpty() || !user.role().trim().matches("\\d{4}")) {
            return user;
        }
        try {
            List<Authorization> matching = register.authorizationsOf(cpr.get(), request).stream()
                    .filter(a -> a.educationCode().equals(user.role().trim())).toList();
            if (matching.size() == 1) {
                return new UserLog(user.civilRegistrationNumber(), user.givenName(), user.surName(), user.emailAddress(),
                        user.role(), Optional.of(matching.get(0).authorizationCode()), user.occupation());
            }
        } catch (BackendUnavailableException e) {
            LOG.info("Issuing the id-card without an authorization code: {}", e.getMessage());
        }
        return user;
    }
}
