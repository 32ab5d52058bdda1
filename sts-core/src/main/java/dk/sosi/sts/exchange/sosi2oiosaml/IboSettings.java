package dk.sosi.sts.exchange.sosi2oiosaml;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable. The settings of bean {@code iboRequestHandler} in services.xml (the guide's Sosi2OIOSaml
 * configuration), global for all audiences.
 *
 * @param validateEnvelopeSignature whether a request must carry a valid message signature (one present is checked anyway)
 * @param checkTargetCertificate    whether an audience's {@code publicKey} certificate must be valid and not revoked before use
 * @param emptyAttributeValue       the value written for an attribute that would be empty, e.g. a user without e-mail
 * @param allowedDrift              how far the caller's clock may be off, for the id-card's and the message's times
 */
public record IboSettings(boolean validateEnvelopeSignature, boolean checkTargetCertificate, String emptyAttributeValue,
        Duration allowedDrift) {

    public IboSettings {
        Objects.requireNonNull(emptyAttributeValue, "emptyAttributeValue");
        Objects.requireNonNull(allowedDrift, "allowedDrift");
        if (allowedDrift.isNegative()) {
            throw new IllegalArgumentException("allowedDriftInSeconds must not be negative");
        }
    }
}
