package dk.sosi.sts.exchange.citizen.jwt;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable. What beans {@code jwt2IdwsRequestHandler} and {@code sboRequestHandler} say about time (the trust store
 * and issuer strategies become the {@link JwtCheck}).
 *
 * @param fuzzyTime    {@code fuzzyTime}: how far back in time the issued token's validity starts
 * @param allowedDrift {@code allowedDriftInSeconds}: how far the JWT issuer's and the caller's clocks may be off
 */
public record JwtSettings(Duration fuzzyTime, Duration allowedDrift) {

    public JwtSettings {
        Objects.requireNonNull(fuzzyTime, "fuzzyTime");
        Objects.requireNonNull(allowedDrift, "allowedDrift");
        if (fuzzyTime.isNegative() || allowedDrift.isNegative()) {
            throw new IllegalArgumentException("fuzzyTime and allowedDriftInSeconds must not be negative");
        }
    }
}
