package dk.sosi.sts.config.dgws;

import dk.sosi.sts.backend.authorization.AuthorizationRegister;
import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.pid.PidService;
import dk.sosi.sts.backend.roles.UserRoleDirectory;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.user.AuthorizationCheck;
import dk.sosi.sts.exchange.dgws.CprRelationCheck;
import dk.sosi.sts.exchange.dgws.DgwsExchange;
import dk.sosi.sts.exchange.IdCardIssuer;
import dk.sosi.sts.exchange.dgws.DgwsIdCardIssuer;
import dk.sosi.sts.exchange.dgws.DgwsSettings;
import dk.sosi.sts.exchange.dgws.IncomingIdCardValidator;
import dk.sosi.sts.exchange.user.NationalRoleCheck;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.token.idcard.IdCardWriter;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.RevocationChecker;
import dk.sosi.sts.trust.StsKeys;
import dk.sosi.sts.trust.TrustStore;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.time.Clock;

/** Builds the DGWS token service from the operator's beans ({@code securityTokenService} and the backends). */
public final class DgwsExchangeFactory {

    public static final String SECURITY_TOKEN_SERVICE = "securityTokenService";
    public static final String CVR_RID_SERVICE = "cvrRidService";
    public static final String PID_SERVICE = "pidService";
    public static final String UUID2CPR_SERVICE = "uuid2CprService";
    public static final String USER_ROLE_DIRECTORY = "userRoleDirectory";
    public static final String AUTHORIZATION_REGISTER = "authorizationRegister";

    private DgwsExchangeFactory() {
    }

    /** The settings of bean {@value #SECURITY_TOKEN_SERVICE}, checked. */
    public static DgwsSettings settings(OperatorConfiguration operator) {
        try {
            return operator.bean(SECURITY_TOKEN_SERVICE, DgwsConfigurationProperties.class).toSettings();
        } catch (IllegalArgumentException e) {
            throw new StartupException("Bean '" + SECURITY_TOKEN_SERVICE + "' in services.xml is not valid: " + e.getMessage(), e);
        }
    }

    public static DgwsExchange create(OperatorConfiguration operator, DgwsSettings settings, StsKeys credential,
            StsConfiguration configuration, FederationTrust trust, SlaLog sla, Clock clock) {
        IdCardParser parser = new IdCardParser(settings.dgws10Zone());
        return new DgwsExchange(parser,
                new IncomingIdCardValidator(settings, new EnvelopedSignatureVerifier(settings.acceptedAlgorithms()), trust, clock),
                new CprRelationCheck(operator.bean(CVR_RID_SERVICE, CvrRidService.class),
                        operator.bean(UUID2CPR_SERVICE, Uuid2CprService.class), operator.bean(PID_SERVICE, PidService.class)),
                new NationalRoleCheck(operator.bean(USER_ROLE_DIRECTORY, UserRoleDirectory.class), configuration,
                        NationalRoleCheck.ENDPOINT_STS),
                new AuthorizationCheck(operator.bean(AUTHORIZATION_REGISTER, AuthorizationRegister.class)),
                new DgwsIdCardIssuer(idCardIssuer(settings, credential, sla, clock)));
    }

    /** The signer of the STS's id-cards, with the name and time zone of bean {@value #SECURITY_TOKEN_SERVICE}. */
    public static IdCardIssuer idCardIssuer(DgwsSettings settings, StsKeys credential, SlaLog sla, Clock clock) {
        return new IdCardIssuer(settings.issuer(), new IdCardWriter(settings.dgws10Zone()),
                new XmlSigner(SignatureAlgorithm.RSA_SHA1, sla), credential, sla, clock);
    }

    /** The trust store of bean {@value #SECURITY_TOKEN_SERVICE}: the federation's root and intermediate CAs. */
    public static ReloadingFile<TrustStore> federationTrustStore(OperatorConfiguration operator, TrustStores trustStores) {
        DgwsConfigurationProperties properties = operator.bean(SECURITY_TOKEN_SERVICE, DgwsConfigurationProperties.class);
        return trustStores.load(properties.getFederationTrustStoreFile(), properties.getFederationTrustStorePassword(),
                "federation trust store (bean '" + SECURITY_TOKEN_SERVICE + "')", FederationTrust::requireRoot);
    }

    /** The federation's PKI of {@code store}. */
    public static FederationTrust federationTrust(ReloadingFile<TrustStore> store, RevocationChecker revocation, Clock clock) {
        return new FederationTrust(store, revocation, clock);
    }
}
