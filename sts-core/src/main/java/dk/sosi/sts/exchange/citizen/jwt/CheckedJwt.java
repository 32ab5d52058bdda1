package dk.sosi.sts.exchange.citizen.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. A JWT that {@link JwtCheck} accepted for an audience; only the check creates one.
 *
 * @param citizen           whom it is about, as its issuer's strategy reads it
 * @param issuer            its {@code iss}
 * @param kid               its header's {@code kid}, the alias of {@code issuerCertificate} in the JWT trust store
 * @param authTime          when the citizen logged in ({@code auth_time}), if stated
 * @param expiry            its {@code exp}
 * @param issuerCertificate the certificate its signature verified with
 * @param claims            all its claims, for what an exchange reads beyond the citizen
 */
public record CheckedJwt(JwtCitizen citizen, String issuer, String kid, Optional<Instant> authTime, Instant expiry,
        X509Certificate issuerCertificate, JWTClaimsSet claims) {

    public CheckedJwt {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(issuerCertificate, "issuerCertificate");
        Objects.requireNonNull(claims, "claims");
    }
}
