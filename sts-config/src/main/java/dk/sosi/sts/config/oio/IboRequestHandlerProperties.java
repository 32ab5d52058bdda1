package dk.sosi.sts.config.oio;

import dk.sosi.sts.exchange.sosi2oiosaml.IboSettings;
import java.time.Duration;

/**
 * The bean {@code iboRequestHandler} in services.xml: the guide's Sosi2OIOSaml settings, global for all
 * audiences (the audiences themselves are rows of {@code sts_audconf.iboConfig}).
 */
public final class IboRequestHandlerProperties {

    private boolean validateEnvelopeSignature = true;
    private boolean checkTargetCertificate = true;
    private String emptyAttributeValue = "";
    private int allowedDriftInSeconds = 300;

    /** Whether a request must be signed (WS-Security); a signature present is verified either way. */
    public void setValidateEnvelopeSignature(boolean validateEnvelopeSignature) {
        this.validateEnvelopeSignature = validateEnvelopeSignature;
    }

    /** Whether an audience's publicKey certificate must be valid and not revoked before the STS encrypts to it. */
    public void setCheckTargetCertificate(boolean checkTargetCertificate) {
        this.checkTargetCertificate = checkTargetCertificate;
    }

    /** The value written for an attribute of the assertion that would be empty. */
    public void setEmptyAttributeValue(String emptyAttributeValue) {
        this.emptyAttributeValue = emptyAttributeValue == null ? "" : emptyAttributeValue;
    }

    /** Seconds the caller's clock may be off (the id-card's and the message's times). */
    public void setAllowedDriftInSeconds(int allowedDriftInSeconds) {
        this.allowedDriftInSeconds = allowedDriftInSeconds;
    }

    /** @throws IllegalArgumentException naming the property that is out of range */
    public IboSettings toSettings() {
        if (allowedDriftInSeconds < 0) {
            throw new IllegalArgumentException("allowedDriftInSeconds must be 0 or more, was " + allowedDriftInSeconds);
        }
        return new IboSettings(validateEnvelopeSignature, checkTargetCertificate, emptyAttributeValue,
                Duration.ofSeconds(allowedDriftInSeconds));
    }
}
