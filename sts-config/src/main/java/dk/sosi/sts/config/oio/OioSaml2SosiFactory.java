package dk.sosi.sts.config.oio;

import dk.sosi.sts.backend.authorization.AuthorizationRegister;
import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.roles.UserRoleDirectory;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.config.dgws.DgwsExchangeFactory;
import dk.sosi.sts.config.monitor.TrustStoreCheckFactory;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.dgws.DgwsSettings;
import dk.sosi.sts.exchange.oio.CallerCheck;
import dk.sosi.sts.exchange.oio.CallerCheckedExchange;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.exchange.oio.IssuerSignedAssertions;
import dk.sosi.sts.exchange.oiosaml2sosi.EmployeeCpr;
import dk.sosi.sts.exchange.oiosaml2sosi.NboSettings;
import dk.sosi.sts.exchange.oiosaml2sosi.OioSaml2SosiExchange;
import dk.sosi.sts.exchange.user.AuthorizationCheck;
import dk.sosi.sts.exchange.user.NationalRoleCheck;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.trust.KeystoreTrust;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.StsKeys;
import dk.sosi.sts.trust.TrustStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds OIOSaml2Sosi from bean {@code nboConfiguration} (optional: every property has the guide's default), the
 * trusted IdPs of its {@code trustedVault} and the backends the DGWS token service uses too.
 */
final class OioSaml2SosiFactory {

    static final String NBO_CONFIGURATION = "nboConfiguration";
    /** The monitoring check of the same keystore, whose file is the trusted vault when nboConfiguration names none. */
    static final String NBO_TRUST_STORE_CHECK_FACTORY = "&nboTrustStoreCheck";
    private static final String LABEL = "NBOTrustStore";

    private final OperatorConfiguration operator;
    private final StsKeys credential;
    private final CertificateValidity validity;
    private final SlaLog sla;
    private final Clock clock;

    OioSaml2SosiFactory(OperatorConfiguration operator, StsKeys credential, CertificateValidity validity, SlaLog sla,
            Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The endpoint: any caller with a valid OCES2 or OCES3 certificate may sign (the guide: no whitelist). */
    Exchange create(DgwsSettings dgws, StsConfiguration configuration, IssuerSignedAssertions assertions,
            Function<CallerPolicy, CallerCheck> callerCheck) {
        NboConfigurationProperties properties = properties(operator);
        NboSettings settings = settings(properties);
        CallerPolicy callers = new CallerPolicy(true, settings.allowedDrift(), CallerPolicy.Whitelist.NONE);
        return new CallerCheckedExchange(callerCheck.apply(callers), new OioSaml2SosiExchange(assertions,
                new KeystoreTrust(trustedVault(properties), validity), new SamlAssertionReader(),
                new EmployeeCpr(settings.cprTrustCertificates(),
                        operator.bean(DgwsExchangeFactory.CVR_RID_SERVICE, CvrRidService.class),
                        operator.bean(DgwsExchangeFactory.UUID2CPR_SERVICE, Uuid2CprService.class)),
                new NationalRoleCheck(operator.bean(DgwsExchangeFactory.USER_ROLE_DIRECTORY, UserRoleDirectory.class),
                        configuration, NationalRoleCheck.ENDPOINT_NBO),
                new AuthorizationCheck(operator.bean(DgwsExchangeFactory.AUTHORIZATION_REGISTER, AuthorizationRegister.class)),
                DgwsExchangeFactory.idCardIssuer(dgws, credential, sla, clock), settings, sla));
    }

    /** The settings of bean {@value #NBO_CONFIGURATION}, which Bst2Idws shares. */
    static NboSettings settings(OperatorConfiguration operator) {
        return settings(properties(operator));
    }

    private static NboConfigurationProperties properties(OperatorConfiguration operator) {
        return operator.optionalBean(NBO_CONFIGURATION, NboConfigurationProperties.class).orElseGet(NboConfigurationProperties::new);
    }

    private static NboSettings settings(NboConfigurationProperties properties) {
        try {
            return properties.toSettings();
        } catch (IllegalArgumentException e) {
            throw new StartupException("Bean '" + NBO_CONFIGURATION + "' in services.xml is not valid: " + e.getMessage(), e);
        }
    }

    /** The keystore of {@code trustedVault}, else that of {@code nboTrustStoreCheck}, read once for both. */
    private ReloadingFile<TrustStore> trustedVault(NboConfigurationProperties properties) {
        TrustStores stores = operator.optionalBean(BeanNames.TRUST_STORES, TrustStores.class).orElseGet(TrustStores::new);
        if (properties.trustedVault().isPresent()) {
            return stores.load(properties.trustedVault().get(), properties.trustedVaultPassword(),
                    LABEL + " (trustedVault of bean '" + NBO_CONFIGURATION + "')");
        }
        TrustStoreCheckFactory check = operator.optionalBean(NBO_TRUST_STORE_CHECK_FACTORY, TrustStoreCheckFactory.class)
                .orElseThrow(() -> new StartupException("OIOSaml2Sosi needs its trusted IdPs: set trustedVault and "
                        + "trustedVaultPassword on bean '" + NBO_CONFIGURATION + "' in services.xml"));
        return stores.load(check.getKeystoreFile(), check.getKeystorePassword(), LABEL);
    }
}
