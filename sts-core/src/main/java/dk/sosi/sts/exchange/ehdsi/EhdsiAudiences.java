package dk.sosi.sts.exchange.ehdsi;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Thread-safe. The audiences of {@code sts_ehdsiconf.ehdsiAudienceConfiguration}, as an admin configures them with
 * plain SQL (an edit applies with the next configuration refresh). Everything DKNCPBST2EHDSIIdws needs is a row of the
 * audience the request names; there are no beans. An audience is active only with a {@code lifetime} row.
 */
public final class EhdsiAudiences {

    public static final String LIFETIME = "lifetime";
    public static final String FUZZY_TIME = "fuzzyTime";
    public static final String ALLOWED_DRIFT = "allowedDriftInSeconds";
    public static final String VALIDATE_HOK = "validateHOK";
    public static final String WHITELIST_VALIDATION = "whitelistValidation";
    public static final String CERTIFICATE = "certificate.";

    /** The drift of the other OIO exchanges' defaults, for an audience without an {@code allowedDriftInSeconds} row. */
    public static final Duration DEFAULT_ALLOWED_DRIFT = Duration.ofSeconds(300);

    static final String NO_AUDIENCE = "The request names no audience: wsp:AppliesTo/wsa:EndpointReference/wsa:Address is missing";
    /** Audience. */
    static final String NOT_CONFIGURED = "Audience not configured: %s";
    /** Attribute, audience, what it must be. */
    static final String BAD_VALUE = "The ehdsiAudienceConfiguration %s of audience %s is not %s";

    private final StsConfiguration configuration;

    public EhdsiAudiences(StsConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * The active audience {@code appliesTo} names; {@code wst:InvalidScope} when the request names none or the audience
     * has no {@code lifetime} row, {@code wst:RequestFailed} when a value of its rows is unusable (the configuration is
     * at fault, not the caller). Absent rows: {@code fuzzyTime} 0, {@code allowedDriftInSeconds} 300,
     * {@code validateHOK} true, {@code whitelistValidation} false.
     */
    public EhdsiAudience find(Optional<String> appliesTo) {
        String audience = appliesTo.map(String::strip).filter(a -> !a.isEmpty())
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE, NO_AUDIENCE));
        AttributeTable table = configuration.current().ehdsiAudienceConfiguration();
        String lifetime = table.value(audience, LIFETIME).orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE,
                String.format(NOT_CONFIGURED, CallerText.quote(audience))));
        Duration fuzzyTime = table.value(audience, FUZZY_TIME).map(value -> Duration.ofMillis(number(audience, FUZZY_TIME, value, 0)))
                .orElse(Duration.ZERO);
        Duration drift = table.value(audience, ALLOWED_DRIFT).map(value -> Duration.ofSeconds(number(audience, ALLOWED_DRIFT, value, 0)))
                .orElse(DEFAULT_ALLOWED_DRIFT);
        return new EhdsiAudience(audience, Duration.ofSeconds(number(audience, LIFETIME, lifetime, 1)), fuzzyTime, drift,
                table.value(audience, VALIDATE_HOK).map(value -> bool(audience, VALIDATE_HOK, value)).orElse(true),
                table.value(audience, WHITELIST_VALIDATION).map(value -> bool(audience, WHITELIST_VALIDATION, value)).orElse(false),
                Set.copyOf(table.withPrefix(audience, CERTIFICATE).values()));
    }

    /**
     * The callers that may ask for the request's audience, decided by the caller check before any signature
     * arithmetic: the {@code certificate.xxx} signers where {@code whitelistValidation} is on, else any trusted one. An
     * audience that is not active is refused here already, so nobody gets signature work done for it.
     */
    public CallerPolicy.Whitelist whitelist() {
        return request -> {
            EhdsiAudience audience = find(request.appliesTo());
            return audience.whitelistValidation() ? Optional.of(audience.allowedSigners()) : Optional.empty();
        };
    }

    private static long number(String audience, String attribute, String value, long least) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the fault below
        }
        throw new StsFault(FaultCode.REQUEST_FAILED, String.format(BAD_VALUE, attribute, CallerText.quote(audience),
                least > 0 ? "a positive whole number" : "a whole number of at least 0"));
    }

    /** The guide writes true/false. */
    private static boolean bool(String audience, String attribute, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StsFault(FaultCode.REQUEST_FAILED, String.format(BAD_VALUE, attribute, CallerText.quote(audience),
                    "true or false"));
        };
    }
}
