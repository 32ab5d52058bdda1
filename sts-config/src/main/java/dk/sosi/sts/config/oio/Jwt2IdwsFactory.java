package dk.sosi.sts.config.oio;

import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.citizen.CitizenAudiences;
import dk.sosi.sts.exchange.citizen.IdentityTokenIssuer;
import dk.sosi.sts.exchange.citizen.jwt.JwtSettings;
import dk.sosi.sts.exchange.jwt2idws.Jwt2IdwsExchange;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.exchange.oio.CallerCheckedExchange;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.trust.CertificateValidity;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds {@code /sts/services/JWT2Idws} from bean {@value #JWT2IDWS_REQUEST_HANDLER} (optional: every property has a
 * default, but without {@code issuerStrategies} no JWT is accepted), the table {@code audienceConfiguration} and the
 * citizen checks Bst2Idws uses too.
 */
final class Jwt2IdwsFactory {

    static final String JWT2IDWS_REQUEST_HANDLER = "jwt2IdwsRequestHandler";

    private final OperatorConfiguration operator;
    private final CertificateValidity validity;
    private final SlaLog sla;
    private final Clock clock;

    Jwt2IdwsFactory(OperatorConfiguration operator, CertificateValidity validity, SlaLog sla, Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The endpoint: the message must be signed by one of the audience's {@code certificate.xxx}, decided before crypto. */
    Exchange create(OioExchangeFactory oio, StsConfiguration configuration, String issuer, AssertionSigner signer) {
        JwtRequestHandlerProperties properties = operator.optionalBean(JWT2IDWS_REQUEST_HANDLER, JwtRequestHandlerProperties.class)
                .orElseGet(JwtRequestHandlerProperties::new);
        JwtSettings settings;
        try {
            settings = properties.toSettings();
        } catch (IllegalArgumentException e) {
            throw new StartupException("Bean '" + JWT2IDWS_REQUEST_HANDLER + "' in services.xml is not valid: " + e.getMessage(), e);
        }
        CitizenAudiences audiences = new CitizenAudiences(configuration);
        CallerPolicy callers = new CallerPolicy(true, settings.allowedDrift(), audiences.whitelist());
        return new CallerCheckedExchange(oio.callerCheck(callers), new Jwt2IdwsExchange(audiences,
                new JwtCheckFactory(operator, validity, clock).create(JWT2IDWS_REQUEST_HANDLER, properties, settings.allowedDrift()),
                CitizenChecksFactory.create(operator, clock), new IdentityTokenIssuer(issuer, settings.fuzzyTime(), signer, clock), sla));
    }
}
