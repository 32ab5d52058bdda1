package dk.sosi.sts.config.oio;

import dk.sosi.sts.backend.pid.PidService;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.dgws.DgwsExchangeFactory;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.bst2idws.Bst2IdwsExchange;
import dk.sosi.sts.exchange.bst2idws.TrustedCitizenIdps;
import dk.sosi.sts.exchange.citizen.CitizenAudiences;
import dk.sosi.sts.exchange.citizen.IdentityTokenIssuer;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.exchange.oio.CallerCheckedExchange;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.exchange.oio.DecryptionKeys;
import dk.sosi.sts.exchange.oiosaml2sosi.NboSettings;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.trust.TrustedIdpTrust;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds {@code /sts/services/Bst2Idws} from the tables {@code audienceConfiguration} and
 * {@code trustedIdpCitizenConfiguration}, bean {@code nboConfiguration} (only its {@code fuzzyTime} and
 * {@code allowedDriftInSeconds}, as the guide says), the PID service and the citizen checks.
 */
final class Bst2IdwsFactory {

    private final OperatorConfiguration operator;
    private final CertificateValidity validity;
    private final SlaLog sla;
    private final Clock clock;

    Bst2IdwsFactory(OperatorConfiguration operator, CertificateValidity validity, SlaLog sla, Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The endpoint: the caller check admits, before any signature arithmetic, only the {@code certificate.xxx} signers
     * of the audience the request names.
     *
     * @param issuer the STS's name in the identity token's {@code saml:Issuer} (bean {@code tokenIssuer})
     */
    Exchange create(OioExchangeFactory oio, StsConfiguration configuration, AssertionSigner signer, String issuer) {
        NboSettings nbo = OioSaml2SosiFactory.settings(operator);
        CitizenAudiences audiences = new CitizenAudiences(configuration);
        CallerPolicy callers = new CallerPolicy(true, nbo.allowedDrift(), audiences.whitelist());
        return new CallerCheckedExchange(oio.callerCheck(callers), new Bst2IdwsExchange(audiences,
                new TrustedCitizenIdps(configuration),
                new TrustedIdpTrust(configuration, ConfigurationSnapshot::trustedIdpCitizenConfiguration, validity),
                new DecryptionKeys(configuration, ConfigurationSnapshot::trustedIdpCitizenConfiguration, "trustedIdpCitizenConfiguration"),
                new AssertionDecrypter(), oio.issuerSignedAssertions(),
                operator.bean(DgwsExchangeFactory.PID_SERVICE, PidService.class), CitizenChecksFactory.create(operator, clock),
                new IdentityTokenIssuer(issuer, nbo.fuzzyTime(), signer, clock), nbo.allowedDrift(), sla));
    }
}
