package dk.sosi.sts.exchange.citizen.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Optional;

/**
 * Thread-safe. Bean {@code keyCloak}: a Keycloak realm as OIDC issuer (the unsealed test IdP): the CPR in {@code cpr},
 * the names in {@code name}, {@code given_name} and {@code family_name}. Its {@code acr} is Keycloak's own session
 * level, not an NSIS level, so the citizen counts as NSIS Substantial (AssuranceLevel 3), what a MitID login gives.
 */
public final class KeyCloakIssuerStrategy implements IssuerStrategy {

    static final int ASSURANCE_LEVEL = 3;

    @Override
    public JwtCitizen citizen(JWTClaimsSet claims) {
        return new JwtCitizen(Claims.cpr(claims, "cpr"), Optional.empty(), Optional.ofNullable(claims.getSubject()),
                Claims.optional(claims, "name"), Claims.optional(claims, "given_name"), Claims.optional(claims, "family_name"),
                ASSURANCE_LEVEL);
    }
}
