package dk.sosi.sts.exchange.citizen.jwt;

import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. The citizen a checked JWT is about, as its issuer's {@link IssuerStrategy} reads the claims.
 *
 * @param cpr            the citizen's CPR number, ten digits
 * @param cprUuid        the CPR UUID, where the issuer states it ({@code cpr_uuid})
 * @param subject        the JWT's {@code sub}, if any
 * @param name           the full name ({@code name}), if the issuer states it
 * @param givenName      {@code given_name}, if stated
 * @param familyName     {@code family_name}, if stated
 * @param assuranceLevel the OIOSAML AssuranceLevel the authentication is worth: 3 (NSIS Substantial) or 4 (High)
 */
public record JwtCitizen(String cpr, Optional<String> cprUuid, Optional<String> subject, Optional<String> name,
        Optional<String> givenName, Optional<String> familyName, int assuranceLevel) {

    public JwtCitizen {
        Objects.requireNonNull(cpr, "cpr");
        Objects.requireNonNull(cprUuid, "cprUuid");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        if (assuranceLevel < 1 || assuranceLevel > 4) {
            throw new IllegalArgumentException("assuranceLevel must be 1 to 4, was " + assuranceLevel);
        }
    }
}
