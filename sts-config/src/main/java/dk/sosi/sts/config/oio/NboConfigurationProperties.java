package dk.sosi.sts.config.oio;

import dk.sosi.sts.exchange.oiosaml2sosi.NboSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bean {@code nboConfiguration} in services.xml: the guide's OIOSaml2Sosi settings, with its property names.
 * The trusted IdPs are the certificates of the keystore {@code trustedVault} (test-new-nemLogin-idp.keystore); left
 * out, the keystore of {@code nboTrustStoreCheck} is used, the same store the monitoring pages show.
 */
public final class NboConfigurationProperties {

    private long fuzzyTime = 300_000;
    private long idCardDuration = 86_400_000;
    private int allowedDriftInSeconds = 300;
    private String trustedVault;
    private String trustedVaultPassword;
    private List<String> cprTrustCertificates = List.of();

    /** Milliseconds back in time the issued id-card's validity starts. */
    public void setFuzzyTime(long fuzzyTime) {
        this.fuzzyTime = fuzzyTime;
    }

    /** Milliseconds the issued id-card is valid. */
    public void setIdCardDuration(long idCardDuration) {
        this.idCardDuration = idCardDuration;
    }

    /** Seconds the incoming assertion's NotBefore and NotOnOrAfter (and the message's timestamp) may be off. */
    public void setAllowedDriftInSeconds(int allowedDriftInSeconds) {
        this.allowedDriftInSeconds = allowedDriftInSeconds;
    }

    /** The keystore of the trusted IdPs (any alias). */
    public void setTrustedVault(String trustedVault) {
        this.trustedVault = trustedVault == null || trustedVault.isBlank() ? null : trustedVault.strip();
    }

    /** The password of {@code trustedVault}. */
    public void setTrustedVaultPassword(String trustedVaultPassword) {
        this.trustedVaultPassword = trustedVaultPassword;
    }

    /** Subject serial numbers of IdP certificates whose assertions' CPR is not looked up in CVR-RID. */
    public void setCprTrustCertificates(List<String> cprTrustCertificates) {
        this.cprTrustCertificates = cprTrustCertificates.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Optional<String> trustedVault() {
        return Optional.ofNullable(trustedVault);
    }

    public String trustedVaultPassword() {
        return trustedVaultPassword;
    }

    /** @throws IllegalArgumentException naming the property that is out of range */
    public NboSettings toSettings() {
        if (fuzzyTime < 0) {
            throw new IllegalArgumentException("fuzzyTime must be 0 or more milliseconds, was " + fuzzyTime);
        }
        if (idCardDuration <= 0) {
            throw new IllegalArgumentException("idCardDuration must be more than 0 milliseconds, was " + idCardDuration);
        }
        if (allowedDriftInSeconds < 0) {
            throw new IllegalArgumentException("allowedDriftInSeconds must be 0 or more, was " + allowedDriftInSeconds);
        }
        return new NboSettings(Duration.ofMillis(fuzzyTime), Duration.ofMillis(idCardDuration),
                Duration.ofSeconds(allowedDriftInSeconds), Set.copyOf(cprTrustCertificates));
    }
}
