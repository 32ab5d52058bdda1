package dk.sosi.sts.exchange.citizen;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable. One active audience of {@code sts_audconf.audienceConfiguration} (exchanges.md 4.1): a citizen service
 * that Bst2Idws, JWT2Idws and JWT2OIOSaml issue tokens for.
 *
 * @param audience       the audience, exactly as configured
 * @param lifetime       {@code lifetime}: how long an issued token is valid; its row activates the audience
 * @param allowedSigners the {@code certificate.xxx} values: subject serial numbers of the callers that may ask for it
 * @param jwtScope       {@code jwtScope}: JWTs are accepted for the audience only with it, and their scope must hold it
 * @param blurring       {@code blurring}: the Blurring Instructions version ({@code V10}, {@code V11}), absent = off
 * @param wardSigners    {@code srp.ward.certificate}: subject serial numbers that may claim ward custody
 * @param publicKey      {@code publicKey}: base64 certificate an OIOSAML assertion is encrypted to (JWT2OIOSaml)
 * @param recipientUrl   {@code recipientURL}: where the assertion is delivered (JWT2OIOSaml)
 * @param includeBst     {@code includeBST}: whether the assertion carries the token it was made from (JWT2OIOSaml)
 */
public record CitizenAudience(String audience, Duration lifetime, Set<String> allowedSigners, Optional<String> jwtScope,
        Optional<String> blurring, Set<String> wardSigners, Optional<String> publicKey, Optional<String> recipientUrl,
        boolean includeBst) {

    public CitizenAudience {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(lifetime, "lifetime");
        allowedSigners = Set.copyOf(allowedSigners);
        Objects.requireNonNull(jwtScope, "jwtScope");
        Objects.requireNonNull(blurring, "blurring");
        wardSigners = Set.copyOf(wardSigners);
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(recipientUrl, "recipientUrl");
    }
}
