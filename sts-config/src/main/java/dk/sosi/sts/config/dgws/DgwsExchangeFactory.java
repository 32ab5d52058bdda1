package dk.sosi.sts.config.dgws;

import dk.sosi.sts.backend.authorization.AuthorizationRegister;
import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.pid.PidService;
import dk.sosi.sts.backend.roles.UserRoleDirectory;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.dgws.AuthorizationCheck;
import dk.sosi.sts.exchange.dgws.CprRelationCheck;
import dk.sosi.sts.exchange.dgws.DgwsExchange;
import dk.sosi.sts.exchange.dgws.DgwsIdCardIssuer;
import dk.sosi.sts.exchange.dgws.DgwsSettings;
import dk.sosi.sts.exchange.dgws.IncomingIdCardValidator;
import dk.sosi.sts.exchange.dgws.NationalRoleCheck;
import dk.sosi.sts.pki.Keystores;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.token.idcard.IdCardWriter;
import dk.sosi.sts.trust.CertificateValidator;
import dk.sosi.sts.trust.RevocationChecker;
import dk.sosi.sts.trust.StsCredential;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    public static DgwsExchange create(OperatorConfiguration operator, DgwsSettings settings, StsCredential credential,
            StsConfiguration configuration, RevocationChecker revocation, SlaLog sla, Clock clock) {
        DgwsConfigurationProperties properties = operator.bean(SECURITY_TOKEN_SERVICE, DgwsConfigurationProperties.class);
        CertificateValidator trust = new CertificateValidator(federationTrust(properties), revocation, clock);
        IdCardParser parser = new IdCardParser(settings.dgws10Zone());
        return new DgwsExchange(parser,
                new IncomingIdCardValidator(settings, new EnvelopedSignatureVerifier(settings.acceptedAlgorithms()), trust, clock),
                new CprRelationCheck(operator.bean(CVR_RID_SERVICE, CvrRidService.class),
                        operator.bean(UUID2CPR_SERVICE, Uuid2CprService.class), operator.bean(PID_SERVICE, PidService.class)),
                new NationalRoleCheck(operator.bean(USER_ROLE_DIRECTORY, UserRoleDirectory.class), configuration),
                new AuthorizationCheck(operator.bean(AUTHORIZATION_REGISTER, AuthorizationRegister.class)),
                new DgwsIdCardIssuer(settings.issuer(), new IdCardWriter(settings.dgws10Zone()),
                        new XmlSigner(SignatureAlgorithm.RSA_SHA1, sla), credential, sla, clock));
    }

    private static List<X509Certificate> federationTrust(DgwsConfigurationProperties properties) {
        String file = properties.getFederationTrustStoreFile();
        if (file == null || properties.getFederationTrustStorePassword() == null) {
            throw new StartupException("Bean '" + SECURITY_TOKEN_SERVICE
                    + "' needs federationTrustStoreFile and federationTrustStorePassword");
        }
        try {
            KeyStore store = Keystores.load(Path.of(file), properties.getFederationTrustStorePassword().toCharArray());
            List<X509Certificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    certificates.add(certificate);
                }
            }
            if (certificates.isEmpty()) {
                throw new StartupException("The federation trust store " + file + " holds no certificates");
            }
            return certificates;
        } catch (KeyStoreException | RuntimeException e) {
            if (e instanceof StartupException startup) {
                throw startup;
            }
            throw new StartupException("Cannot read the federation trust store " + file + ": " + e.getMessage(), e);
        }
    }
}
