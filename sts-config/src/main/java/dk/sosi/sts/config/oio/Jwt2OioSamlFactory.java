package dk.sosi.sts.config.oio;

import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.citizen.CitizenAudiences;
import dk.sosi.sts.exchange.jwt2oiosaml.CitizenAssertion;
import dk.sosi.sts.exchange.jwt2oiosaml.Jwt2OioSamlExchange;
import dk.sosi.sts.exchange.jwt2oiosaml.SboSettings;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.exchange.oio.CallerCheckedExchange;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.xmlenc.AssertionEncrypter;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds {@code /sts/services/JWT2OIOSaml} from bean {@value #SBO_REQUEST_HANDLER} (optional: every property has a
 * default, but without {@code issuerStrategies} no JWT is accepted) and the table {@code audienceConfiguration}.
 */
final class Jwt2OioSamlFactory {

    static final String SBO_REQUEST_HANDLER = "sboRequestHandler";

    private final OperatorConfiguration operator;
    private final CertificateValidity validity;
    private final Clock clock;

    Jwt2OioSamlFactory(OperatorConfiguration operator, CertificateValidity validity, Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The endpoint: the message must be signed by one of the audience's {@code certificate.xxx}, decided before crypto. */
    Exchange create(OioExchangeFactory oio, StsConfiguration configuration, String issuer, AssertionSigner signer) {
        SboRequestHandlerProperties properties = operator.optionalBean(SBO_REQUEST_HANDLER, SboRequestHandlerProperties.class)
                .orElseGet(SboRequestHandlerProperties::new);
        SboSettings settings;
        try {
            settings = properties.toSboSettings();
        } catch (IllegalArgumentException e) {
            throw new StartupException("Bean '" + SBO_REQUEST_HANDLER + "' in services.xml is not valid: " + e.getMessage(), e);
        }
        CitizenAudiences audiences = new CitizenAudiences(configuration);
        CallerPolicy callers = new CallerPolicy(true, settings.jwt().allowedDrift(), audiences.whitelist());
        return new CallerCheckedExchange(oio.callerCheck(callers), new Jwt2OioSamlExchange(audiences,
                new JwtCheckFactory(operator, validity, clock).create(SBO_REQUEST_HANDLER, properties, settings.jwt().allowedDrift()),
                CitizenChecksFactory.create(operator, clock), new CitizenAssertion(issuer, settings.jwt().fuzzyTime()), signer,
                new AssertionEncrypter(), validity, settings.checkTargetCertificate(), clock));
    }
}
