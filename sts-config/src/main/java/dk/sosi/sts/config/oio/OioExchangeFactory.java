package dk.sosi.sts.config.oio;

import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.dgws.DgwsSettings;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.exchange.oio.CallerCheck;
import dk.sosi.sts.exchange.oio.CallerCheckedExchange;
import dk.sosi.sts.exchange.oio.CallerPolicy;
import dk.sosi.sts.exchange.oio.IssuerSignedAssertions;
import dk.sosi.sts.exchange.sosi2oiosaml.IboAudiences;
import dk.sosi.sts.exchange.sosi2oiosaml.IboSettings;
import dk.sosi.sts.exchange.sosi2oiosaml.IdCardAssertion;
import dk.sosi.sts.exchange.sosi2oiosaml.Sosi2OioSamlExchange;
import dk.sosi.sts.exchange.sosi2oiosaml.StsIssuedCardValidator;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.OioEnvelopeWriter;
import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.token.saml.SamlAssertionWriter;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.trust.StsKeys;
import dk.sosi.sts.trust.StsSelfTrust;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.SignaturePolicy;
import dk.sosi.sts.xmldsig.SignatureVerifier;
import dk.sosi.sts.xmldsig.XmlSigner;
import dk.sosi.sts.xmlenc.AssertionEncrypter;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the OIO WS-Trust endpoints from the operator's beans ({@code iboRequestHandler}, {@code tokenIssuer})
 * and the shared kernel: one message signer and envelope writer, one caller check per endpoint, the trust
 * engines and the configuration tables.
 */
public final class OioExchangeFactory {

    public static final String IBO_REQUEST_HANDLER = "iboRequestHandler";
    public static final String TOKEN_ISSUER = "tokenIssuer";

    /** Message signatures of the deployed clients: rsa-sha1 (Seal), rsa-sha256 (unsealed, eHDSI, SDS) and stronger. */
    private static final Set<SignatureAlgorithm> MESSAGE_ALGORITHMS = EnumSet.of(SignatureAlgorithm.RSA_SHA1,
            SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.RSA_SHA384, SignatureAlgorithm.RSA_SHA512);
    /** Assertions of IdPs and bootstrap-token issuers: rsa-sha1 (NemLog-in 2, older IdPs), rsa-sha256 and stronger. */
    private static final Set<SignatureAlgorithm> ASSERTION_ALGORITHMS = MESSAGE_ALGORITHMS;
    /** What this STS signed its id-cards with, before and after a change of {@code securityTokenService} defaults. */
    private static final Set<SignatureAlgorithm> OWN_CARD_ALGORITHMS = EnumSet.of(SignatureAlgorithm.RSA_SHA1,
            SignatureAlgorithm.RSA_SHA256);

    /** The OIO family's envelope writer and its endpoints. */
    public record OioEndpoints(OioEnvelopeWriter writer, Map<StsEndpoint, Exchange> exchanges) {
    }

    private final OperatorConfiguration operator;
    private final StsKeys credential;
    private final FederationTrust federation;
    private final CertificateValidity validity;
    private final SlaLog sla;
    private final Clock clock;

    public OioExchangeFactory(OperatorConfiguration operator, StsKeys credential, FederationTrust federation,
            CertificateValidity validity, SlaLog sla, Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.federation = Objects.requireNonNull(federation, "federation");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public OioEndpoints create(DgwsSettings dgws, StsConfiguration configuration) {
        TokenIssuerProperties tokenIssuer = operator.optionalBean(TOKEN_ISSUER, TokenIssuerProperties.class)
                .orElseGet(TokenIssuerProperties::new);
        XmlSigner signer;
        try {
            signer = new XmlSigner(tokenIssuer.signatureAlgorithm(), sla);
        } catch (IllegalArgumentException e) {
            throw new StartupException("Bean '" + TOKEN_ISSUER + "' in services.xml is not valid: " + e.getMessage(), e);
        }
        String issuer = tokenIssuer.issuer().orElse(dgws.issuer());
        AssertionSigner assertions = new AssertionSigner(new SamlAssertionWriter(), signer, credential);
        return new OioEndpoints(new OioEnvelopeWriter(signer, credential, clock), Map.of(
                StsEndpoint.SOSI2OIOSAML, sosi2OioSaml(ibo(), issuer, dgws, configuration, signer),
                StsEndpoint.OIOSAML2SOSI, new OioSaml2SosiFactory(operator, credential, validity, sla, clock)
                        .create(dgws, configuration, issuerSignedAssertions(), this::callerCheck),
                StsEndpoint.BST2SOSI, new Bst2SosiFactory(operator, credential, validity, sla, clock)
                        .create(this, dgws, configuration),
                StsEndpoint.BST2IDWS, new Bst2IdwsFactory(operator, validity, sla, clock).create(this, configuration, assertions, issuer),
                StsEndpoint.JWT2IDWS, new Jwt2IdwsFactory(operator, validity, sla, clock).create(this, configuration, issuer, assertions),
                StsEndpoint.JWT2OIOSAML, new Jwt2OioSamlFactory(operator, validity, clock).create(this, configuration, issuer, assertions),
                StsEndpoint.DKNCPBST2EHDSIIDWS, new EhdsiFactory(operator, validity, clock).create(this, configuration, issuer, assertions)));
    }

    private Exchange sosi2OioSaml(IboSettings ibo, String issuer, DgwsSettings dgws, StsConfiguration configuration,
            XmlSigner signer) {
        CallerPolicy callers = new CallerPolicy(ibo.validateEnvelopeSignature(), ibo.allowedDrift(), CallerPolicy.Whitelist.NONE);
        return new CallerCheckedExchange(callerCheck(callers), new Sosi2OioSamlExchange(
                new IboAudiences(configuration, validity, ibo.checkTargetCertificate()),
                new StsIssuedCardValidator(new IdCardParser(dgws.dgws10Zone()), new EnvelopedSignatureVerifier(OWN_CARD_ALGORITHMS),
                        new StsSelfTrust(credential, validity), ibo.allowedDrift(), clock),
                new IdCardAssertion(issuer, ibo.emptyAttributeValue()),
                new AssertionSigner(new SamlAssertionWriter(), signer, credential), new AssertionEncrypter(), clock));
    }

    /** The one check of assertions that an IdP or bootstrap-token issuer signed (OIOSaml2Sosi, BST2SOSI, …). */
    IssuerSignedAssertions issuerSignedAssertions() {
        return new IssuerSignedAssertions(new SamlAssertionReader(),
                new SignatureVerifier(SignaturePolicy.enveloped(ASSERTION_ALGORITHMS)), clock);
    }

    CallerCheck callerCheck(CallerPolicy policy) {
        return new CallerCheck(policy, new SignatureVerifier(SignaturePolicy.message(MESSAGE_ALGORITHMS)), federation, clock);
    }

    private IboSettings ibo() {
        try {
            return operator.optionalBean(IBO_REQUEST_HANDLER, IboRequestHandlerProperties.class)
                    .orElseGet(IboRequestHandlerProperties::new).toSettings();
        } catch (IllegalArgumentException e) {
            throw new StartupException("Bean '" + IBO_REQUEST_HANDLER + "' in services.xml is not valid: " + e.getMessage(), e);
        }
    }
}
