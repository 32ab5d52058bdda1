package dk.sosi.sts.exchange.oiosaml2sosi;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable. The settings of bean {@code nboConfiguration} in services.xml (the guide's OIOSaml2Sosi
 * configuration); the trusted IdPs themselves are the certificates of its {@code trustedVault}.
 *
 * @param fuzzyTime            how far back in time the issued card's validity starts
 * @param idCardDuration       how long the issued card is valid
 * @param allowedDrift         how far the IdP's and the caller's clocks may be off
 * @param cprTrustCertificates subject serial numbers of the IdP certificates whose assertions' CPR is taken as
 *                             it is; the CPR of every other IdP's assertion is looked up
 */
public record NboSettings(Duration fuzzyTime, Duration idCardDuration, Duration allowedDrift, Set<String> cprTrustCertificates) {

    public NboSettings {
        Objects.requireNonNull(fuzzyTime, "fuzzyTime");
        Objects.requireNonNull(idCardDuration, "idCardDuration");
        Objects.requireNonNull(allowedDrift, "allowedDrift");
        cprTrustCertificates = Set.copyOf(cprTrustCertificates);
        if (fuzzyTime.isNegative()) {
            throw new IllegalArgumentException("fuzzyTime must not be negative");
        }
        if (idCardDuration.isNegative() || idCardDuration.isZero()) {
            throw new IllegalArgumentException("idCardDuration must be positive");
        }
        if (allowedDrift.isNegative()) {
            throw new IllegalArgumentException("allowedDriftInSeconds must not be negative");
        }
    }
}
