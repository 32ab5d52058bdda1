package dk.sosi.sts.exchange.citizen;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Thread-safe. The citizen services of {@code sts_audconf.audienceConfiguration}, as an admin configures them with plain
 * SQL (an edit applies with the next configuration refresh): an audience is active only with a {@code lifetime} row,
 * and only its {@code certificate.xxx} signers may ask for it. Audiences are compared exactly, as the table's key is.
 */
public final class CitizenAudiences {

    public static final String LIFETIME = "lifetime";
    public static final String CERTIFICATE = "certificate.";
    public static final String JWT_SCOPE = "jwtScope";
    public static final String BLURRING = "blurring";
    public static final String WARD_CERTIFICATE = "srp.ward.certificate";
    public static final String PUBLIC_KEY = "publicKey";
    public static final String RECIPIENT_URL = "recipientURL";
    public static final String INCLUDE_BST = "includeBST";

    static final String NO_AUDIENCE = "The request names no audience: wsp:AppliesTo/wsa:EndpointReference/wsa:Address is missing";
    static final String NOT_CONFIGURED = "Audience not configured: %s";
    /** Audience. */
    static final String BAD_LIFETIME = "The audienceConfiguration lifetime of audience %s is not a positive number of seconds";

    private final StsConfiguration configuration;

    public CitizenAudiences(StsConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * The active audience {@code appliesTo} names; {@code wst:InvalidScope} when the request names none or the audience
     * has no {@code lifetime} row, {@code wst:RequestFailed} when its lifetime is no number (the configuration is at fault).
     */
    public CitizenAudience find(Optional<String> appliesTo) {
        String requested = appliesTo.map(String::strip).filter(a -> !a.isEmpty())
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE, NO_AUDIENCE));
        AttributeTable table = configuration.current().audienceConfiguration();
        String lifetime = table.value(requested, LIFETIME)
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE, String.format(NOT_CONFIGURED, CallerText.quote(requested))));
        return new CitizenAudience(requested, seconds(requested, lifetime), Set.copyOf(table.withPrefix(requested, CERTIFICATE).values()),
                text(table, requested, JWT_SCOPE), text(table, requested, BLURRING),
                text(table, requested, WARD_CERTIFICATE).map(CitizenAudiences::list).orElse(Set.of()),
                text(table, requested, PUBLIC_KEY), text(table, requested, RECIPIENT_URL),
                text(table, requested, INCLUDE_BST).map(CitizenAudiences::yes).orElse(false));
    }

    /**
     * The callers that may ask for the request's audience: its {@code certificate.xxx} values, decided by the caller
     * check before any signature arithmetic (an audience that is not active, without a {@code lifetime} row, gets an
     * empty set: nobody may).
     */
    public CallerPolicy.Whitelist whitelist() {
        return request -> {
            AttributeTable table = configuration.current().audienceConfiguration();
            return Optional.of(request.appliesTo().map(String::strip).filter(audience -> table.value(audience, LIFETIME).isPresent())
                    .map(audience -> Set.copyOf(table.withPrefix(audience, CERTIFICATE).values()))
                    .orElse(Set.of()));
        };
    }

    private static Duration seconds(String audience, String value) {
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // falls through to the fault below
        }
        throw new StsFault(FaultCode.REQUEST_FAILED, String.format(BAD_LIFETIME, CallerText.quote(audience)));
    }

    private static Optional<String> text(AttributeTable table, String audience, String attribute) {
        return table.value(audience, attribute).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Several subject serial numbers in one value, comma-separated. */
    private static Set<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The guide writes yes/no; true/false and 1/0 are read too. */
    private static boolean yes(String value) {
        return Set.of("yes", "true", "1", "ja").contains(value.toLowerCase(Locale.ROOT));
    }
}
