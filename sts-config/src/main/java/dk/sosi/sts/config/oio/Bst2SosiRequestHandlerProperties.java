package dk.sosi.sts.config.oio;

import dk.sosi.sts.exchange.bst2sosi.Bst2SosiSettings;
import java.time.Duration;

/**
 * The bean {@code BST2SOSIRequestHandler} in services.xml: the guide's BST2SOSI settings, for every issuer (the
 * issuers themselves are rows of {@code sts_audconf.trustedIdpConfiguration}).
 */
public final class Bst2SosiRequestHandlerProperties {

    private int allowedDriftInSeconds = 300;
    private String allowedAudience = "https://sts.sosi.dk/";
    private long fuzzyTime = 300_000;
    private long idCardDuration = 86_400_000;
    private boolean whitelistValidation = true;

    /** Seconds the issuer's and the caller's clocks may be off (NotBefore, NotOnOrAfter, the message's Timestamp). */
    public void setAllowedDriftInSeconds(int allowedDriftInSeconds) {
        this.allowedDriftInSeconds = allowedDriftInSeconds;
    }

    /** The audience a bootstrap token must name. */
    public void setAllowedAudience(String allowedAudience) {
        this.allowedAudience = allowedAudience;
    }

    /** Milliseconds back in time the issued id-card's validity starts. */
    public void setFuzzyTime(long fuzzyTime) {
        this.fuzzyTime = fuzzyTime;
    }

    /** Milliseconds the issued id-card is valid. */
    public void setIdCardDuration(long idCardDuration) {
        this.idCardDuration = idCardDuration;
    }

    /** Whether the message signer must be whitelisted ({@code certificate.xxx}) for the token's issuer or issuer {@code *}. */
    public void setWhitelistValidation(boolean whitelistValidation) {
        this.whitelistValidation = whitelistValidation;
    }

    /** @throws IllegalArgumentException naming the property that is out of range */
    public Bst2SosiSettings toSettings() {
        if (allowedDriftInSeconds < 0) {
            throw new IllegalArgumentException("allowedDriftInSeconds must be 0 or more, was " + allowedDriftInSeconds);
        }
        if (allowedAudience == null || allowedAudience.isBlank()) {
            throw new IllegalArgumentException("allowedAudience must not be empty");
        }
        if (fuzzyTime < 0) {
            throw new IllegalArgumentException("fuzzyTime must be 0 or more, was " + fuzzyTime);
        }
        if (idCardDuration <= 0) {
            throw new IllegalArgumentException("idCardDuration must be more than 0, was " + idCardDuration);
        }
        return new Bst2SosiSettings(allowedAudience.trim(), Duration.ofSeconds(allowedDriftInSeconds), whitelistValidation,
                Duration.ofMillis(fuzzyTime), Duration.ofMillis(idCardDuration));
    }
}
