package dk.sosi.sts.exchange.ehdsi;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable. One active audience of {@code sts_ehdsiconf.ehdsiAudienceConfiguration} (exchanges.md 4.2): a Danish
 * service (ePrescription, Patient Summary) that DKNCPBST2EHDSIIdws issues eHDSI IDWS XUA tokens for. Its
 * {@code signingKey.xxx} rows are {@link dk.sosi.sts.trust.TrustedIdpTrust}'s.
 *
 * @param audience            the audience, exactly as configured and asked for in {@code wsp:AppliesTo}
 * @param lifetime            {@code lifetime}: how long an issued token is valid; its row activates the audience
 * @param fuzzyTime           {@code fuzzyTime}: how far back an issued token's NotBefore is put
 * @param allowedDrift        {@code allowedDriftInSeconds}: how far the bootstrap token's times may be off
 * @param validateHolderOfKey {@code validateHOK}: whether the bootstrap token's holder-of-key certificate must be the
 *                            one that signed the message
 * @param whitelistValidation {@code whitelistValidation}: whether only {@code certificate.xxx} signers may ask
 * @param allowedSigners      the {@code certificate.xxx} values: subject serial numbers of the contact points
 */
public record EhdsiAudience(String audience, Duration lifetime, Duration fuzzyTime, Duration allowedDrift,
        boolean validateHolderOfKey, boolean whitelistValidation, Set<String> allowedSigners) {

    public EhdsiAudience {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(fuzzyTime, "fuzzyTime");
        Objects.requireNonNull(allowedDrift, "allowedDrift");
        allowedSigners = Set.copyOf(allowedSigners);
    }
}
