package dk.sosi.sts.backend.authorization;

import java.util.Objects;

/**
 * Immutable. One entry of the authorisation register (Autorisationsregister) for a person.
 *
 * @param authorizationCode the code an id-card carries as {@code medcom:UserAuthorizationCode}, e.g. {@code J0184}
 * @param educationCode     the education the authorisation is for, e.g. {@code 7170} (læge)
 */
public record Authorization(String authorizationCode, String educationCode) {

    public Authorization {
        Objects.requireNonNull(authorizationCode, "authorizationCode");
        Objects.requireNonNull(educationCode, "educationCode");
        if (authorizationCode.isBlank()) {
            throw new IllegalArgumentException("authorizationCode must not be blank");
        }
        if (educationCode.isBlank()) {
            throw new IllegalArgumentException("educationCode must not be blank");
        }
    }
}
