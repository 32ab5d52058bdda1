package dk.sosi.sts.token.idcard;

import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. The {@code UserLog} attribute statement of a user card (protocol.md 3.2, 3.8), in card order.
 *
 * @param civilRegistrationNumber {@code medcom:UserCivilRegistrationNumber} (CPR)
 * @param givenName               {@code medcom:UserGivenName}
 * @param surName                 {@code medcom:UserSurName}
 * @param emailAddress            {@code medcom:UserEmailAddress}
 * @param role                    {@code medcom:UserRole}
 * @param authorizationCode       {@code medcom:UserAuthorizationCode} (Autorisationsregister code)
 * @param occupation              {@code medcom:UserOccupation}
 */
public record UserLog(Optional<String> civilRegistrationNumber, String givenName, String surName,
                      Optional<String> emailAddress, String role, Optional<String> authorizationCode,
                      Optional<String> occupation) {

    public UserLog {
        Objects.requireNonNull(civilRegistrationNumber, "civilRegistrationNumber");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(surName, "surName");
        Objects.requireNonNull(emailAddress, "emailAddress");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(authorizationCode, "authorizationCode");
        Objects.requireNonNull(occupation, "occupation");
    }
}
