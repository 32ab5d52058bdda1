package dk.sosi.sts.config.oio;

import dk.sosi.sts.backend.authorization.AuthorizationRegister;
import dk.sosi.sts.backend.roles.UserRoleDirectory;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.dgws.DgwsExchangeFactory;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.bst2sosi.Bst2SosiExchange;
import dk.sosi.sts.exchange.bst2sosi.Bst2SosiSettings;
import dk.sosi.sts.exchange.bst2sosi.TrustedIdps;
import dk.sosi.sts.exchange.dgws.DgwsSettings;
import dk.sosi.sts.exchange.oio.CallerCheckedExchange;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.exchange.user.AuthorizationCheck;
import dk.sosi.sts.exchange.user.NationalRoleCheck;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.trust.StsKeys;
import dk.sosi.sts.trust.TrustedIdpTrust;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds {@code /sts/services/BST2SOSI} from bean {@value #BST2SOSI_REQUEST_HANDLER}, the table
 * {@code trustedIdpConfiguration}, the user backends the DGWS token service uses and its id-card signer.
 */
final class Bst2SosiFactory {

    static final String BST2SOSI_REQUEST_HANDLER = "BST2SOSIRequestHandler";

    private final OperatorConfiguration operator;
    private final StsKeys credential;
    private final CertificateValidity validity;
    private final SlaLog sla;
    private final Clock clock;

    Bst2SosiFactory(OperatorConfiguration operator, StsKeys credential, CertificateValidity validity, SlaLog sla, Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The endpoint. With {@code whitelistValidation} the caller check, before any signature arithmetic, admits
     * only signers some issuer whitelists; the exchange holds the signer to the token's own issuer once the
     * token is decrypted and verified.
     */
    Exchange create(OioExchangeFactory oio, DgwsSettings dgws, StsConfiguration configuration) {
        Bst2SosiSettings settings = settings();
        TrustedIdps idps = new TrustedIdps(configuration);
        CallerPolicy callers = new CallerPolicy(true, settings.allowedDrift(), settings.whitelistValidation()
                ? request -> Optional.of(idps.whitelistedForAnyIssuer())
                : CallerPolicy.Whitelist.NONE);
        return new CallerCheckedExchange(oio.callerCheck(callers), new Bst2SosiExchange(settings, idps,
                new TrustedIdpTrust(configuration, ConfigurationSnapshot::trustedIdpConfiguration, validity),
                new AssertionDecrypter(), oio.issuerSignedAssertions(),
                operator.bean(DgwsExchangeFactory.UUID2CPR_SERVICE, Uuid2CprService.class),
                new AuthorizationCheck(operator.bean(DgwsExchangeFactory.AUTHORIZATION_REGISTER, AuthorizationRegister.class)),
                new NationalRoleCheck(operator.bean(DgwsExchangeFactory.USER_ROLE_DIRECTORY, UserRoleDirectory.class), configuration,
                        NationalRoleCheck.ENDPOINT_BST2SOSI),
                DgwsExchangeFactory.idCardIssuer(dgws, credential, sla, clock), sla));
    }

    private Bst2SosiSettings settings() {
        try {
            return operator.optionalBean(BST2SOSI_REQUEST_HANDLER, Bst2SosiRequestHandlerProperties.class)
                    .orElseGet(Bst2SosiRequestHandlerProperties::new).toSettings();
        } catch (IllegalArgumentException e) {
            throw new StartupException("Bean '" + BST2SOSI_REQUEST_HANDLER + "' in services.xml is not valid: " + e.getMessage(), e);
        }
    }
}
