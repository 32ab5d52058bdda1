package dk.sosi.sts.exchange.bst2idws;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.StsConfiguration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Thread-safe. What {@code sts_audconf.trustedIdpCitizenConfiguration} says about the issuers of citizen bootstrap
 * tokens (exchanges.md 4.1), read from the current configuration snapshot on every call, so an admin's edit applies
 * after the next refresh. Their signing keys are {@link dk.sosi.sts.trust.TrustedIdpTrust}'s, their encryption keys
 * {@link dk.sosi.sts.exchange.oio.DecryptionKeys}'.
 */
public final class TrustedCitizenIdps {

    static final String TOKEN_PROFILE = "tokenProfile.";
    /** The audience of the issuer's tokens; {@code audience.xxx} rows add more, as other multi-valued rows do. */
    static final String AUDIENCE = "audience";

    private final StsConfiguration configuration;

    public TrustedCitizenIdps(StsConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    private AttributeTable table() {
        return configuration.current().trustedIdpCitizenConfiguration();
    }

    /** The profiles the issuer's {@code tokenProfile.xxx} rows allow; unknown names are ignored. */
    public Set<CitizenTokenProfile> profiles(String issuer) {
        Set<CitizenTokenProfile> profiles = new TreeSet<>();
        table().withPrefix(issuer, TOKEN_PROFILE).values()
                .forEach(value -> CitizenTokenProfile.named(value.strip()).ifPresent(profiles::add));
        return profiles;
    }

    /** The audiences the issuer's tokens may name: its {@code audience} and {@code audience.xxx} rows. */
    public Set<String> audiences(String issuer) {
        AttributeTable table = table();
        Set<String> audiences = new TreeSet<>();
        table.value(issuer, AUDIENCE).ifPresent(value -> audiences.add(value.strip()));
        table.withPrefix(issuer, AUDIENCE + ".").values().forEach(value -> audiences.add(value.strip()));
        return audiences;
    }
}
