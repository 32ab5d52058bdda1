package dk.sosi.sts.exchange.citizen.jwt;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Thread-safe. How the claims of one kind of OIDC issuer name the citizen: a value of the {@code issuerStrategies}
 * map of beans {@code jwt2IdwsRequestHandler} and {@code sboRequestHandler}, keyed by the JWT's {@code iss}
 * (exchanges.md OQ-17). It runs on claims whose signature, issuer, times and scope have been checked.
 */
@FunctionalInterface
public interface IssuerStrategy {

    /**
     * The citizen {@code claims} are about.
     *
     * @throws dk.sosi.sts.fault.StsFault {@code wst:InvalidSecurityToken} naming a claim that is missing or wrong
     */
    JwtCitizen citizen(JWTClaimsSet claims);
}
