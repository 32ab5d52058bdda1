package dk.sosi.sts.exchange.bst2sosi;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable. The settings of bean {@code BST2SOSIRequestHandler} in services.xml (the guide's BST2SOSI
 * configuration), for every issuer.
 *
 * @param allowedAudience     the audience a bootstrap token must name in its AudienceRestriction
 * @param allowedDrift        how far an issuer's or caller's clock may be off ({@code allowedDriftInSeconds})
 * @param whitelistValidation whether the message signer must be a {@code certificate.xxx} of the token's issuer or of issuer {@code *}
 * @param fuzzyTime           how far back the issued id-card's validity starts
 * @param idCardDuration      how long the issued id-card is valid
 */
public record Bst2SosiSettings(String allowedAudience, Duration allowedDrift, boolean whitelistValidation, Duration fuzzyTime,
        Duration idCardDuration) {

    public Bst2SosiSettings {
        Objects.requireNonNull(allowedAudience, "allowedAudience");
        Objects.requireNonNull(allowedDrift, "allowedDrift");
        Objects.requireNonNull(fuzzyTime, "fuzzyTime");
        Objects.requireNonNull(idCardDuration, "idCardDuration");
        if (allowedAudience.isBlank()) {
            throw new IllegalArgumentException("allowedAudience must not be empty");
        }
        if (allowedDrift.isNegative()) {
            throw new IllegalArgumentException("allowedDriftInSeconds must not be negative");
        }
        if (fuzzyTime.isNegative()) {
            throw new IllegalArgumentException("fuzzyTime must not be negative");
        }
        if (idCardDuration.isNegative() || idCardDuration.isZero()) {
            throw new IllegalArgumentException("idCardDuration must be positive");
        }
    }
}
