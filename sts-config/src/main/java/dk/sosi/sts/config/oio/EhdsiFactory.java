package dk.sosi.sts.config.oio;

import dk.sosi.sts.backend.personinformation.PersonInformationService;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.ehdsi.DkNcpBst2EhdsiIdwsExchange;
import dk.sosi.sts.exchange.ehdsi.EhdsiAudiences;
import dk.sosi.sts.exchange.ehdsi.EhdsiPolicies;
import dk.sosi.sts.exchange.ehdsi.XuaTokenIssuer;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.exchange.oio.CallerCheckedExchange;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.trust.TrustedIdpTrust;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds {@code /sts/services/DKNCPBST2EHDSIIdws} from the tables of {@code sts_ehdsiconf} and the person information
 * service; it has no bean of its own, as the guide says. Messages must be signed; their timestamps are judged with the
 * default drift of an audience, since the audience is not known yet when they are.
 */
final class EhdsiFactory {

    private final OperatorConfiguration operator;
    private final CertificateValidity validity;
    private final Clock clock;

    EhdsiFactory(OperatorConfiguration operator, CertificateValidity validity, Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param issuer the STS's name in the token's {@code saml:Issuer} (bean {@code tokenIssuer}) */
    Exchange create(OioExchangeFactory oio, StsConfiguration configuration, String issuer, AssertionSigner signer) {
        EhdsiAudiences audiences = new EhdsiAudiences(configuration);
        CallerPolicy callers = new CallerPolicy(true, EhdsiAudiences.DEFAULT_ALLOWED_DRIFT, audiences.whitelist());
        return new CallerCheckedExchange(oio.callerCheck(callers), new DkNcpBst2EhdsiIdwsExchange(audiences,
                new EhdsiPolicies(configuration),
                new TrustedIdpTrust(configuration, ConfigurationSnapshot::ehdsiAudienceConfiguration, validity),
                oio.issuerSignedAssertions(),
                operator.bean(CitizenChecksFactory.PERSON_INFORMATION, PersonInformationService.class),
                new XuaTokenIssuer(issuer, signer, clock)));
    }
}
