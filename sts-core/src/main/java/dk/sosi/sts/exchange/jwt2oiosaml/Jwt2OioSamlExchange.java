package dk.sosi.sts.exchange.jwt2oiosaml;

import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.citizen.CitizenAudience;
import dk.sosi.sts.exchange.citizen.CitizenAudiences;
import dk.sosi.sts.exchange.citizen.CitizenChecks;
import dk.sosi.sts.exchange.citizen.jwt.CheckedJwt;
import dk.sosi.sts.exchange.citizen.jwt.JwtCheck;
import dk.sosi.sts.exchange.oio.AssertionSigner;
import dk.sosi.sts.exchange.oio.OioExchange;
import dk.sosi.sts.exchange.oio.OioRequest;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.xmlenc.AssertionEncrypter;
import dk.sosi.sts.xmlenc.EncryptionPolicy;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Thread-safe. {@code /sts/services/JWT2OIOSaml} (exchanges.md 3.6): a citizen app holds a JWT from a trusted OIDC
 * provider and wants an OIOSAML assertion to open a web application (an {@code audienceConfiguration} audience with
 * {@code lifetime}, {@code jwtScope}, {@code publicKey} and {@code recipientURL}), encrypted so that only that
 * application reads it. The caller check has already admitted only the audience's {@code certificate.xxx} signers.
 */
public final class Jwt2OioSamlExchange implements OioExchange {

    /** Audience, attribute. */
    static final String NOT_CONFIGURED = "Audience not configured: %s has no %s, which JWT2OIOSaml needs";
    /** Audience. */
    static final String BAD_PUBLIC_KEY = "The audienceConfiguration publicKey of audience %s is not a base64 X.509 certificate";
    /** Audience, reason. */
    static final String BAD_TARGET = "The encryption certificate of audience %s cannot be used: %s";

    private static final Logger LOG = LoggerFactory.getLogger(Jwt2OioSamlExchange.class);

    private final CitizenAudiences audiences;
    private final JwtCheck jwts;
    private final CitizenChecks citizens;
    private final CitizenAssertion assertions;
    private final AssertionSigner signer;
    private final AssertionEncrypter encrypter;
    private final CertificateValidity validity;
    private final boolean checkTargetCertificate;
    private final Clock clock;
    private final Set<String> warnedIncludeBst = ConcurrentHashMap.newKeySet();

    public Jwt2OioSamlExchange(CitizenAudiences audiences, JwtCheck jwts, CitizenChecks citizens, CitizenAssertion assertions,
            AssertionSigner signer, AssertionEncrypter encrypter, CertificateValidity validity, boolean checkTargetCertificate,
            Clock clock) {
        this.audiences = Objects.requireNonNull(audiences, "audiences");
        this.jwts = Objects.requireNonNull(jwts, "jwts");
        this.citizens = Objects.requireNonNull(citizens, "citizens");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.encrypter = Objects.requireNonNull(encrypter, "encrypter");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.checkTargetCertificate = checkTargetCertificate;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuedToken exchange(OioRequest request) {
        CitizenAudience audience = audiences.find(request.token().appliesTo());
        String recipientUrl = required(audience, audience.recipientUrl(), CitizenAudiences.RECIPIENT_URL);
        String publicKey = required(audience, audience.publicKey(), CitizenAudiences.PUBLIC_KEY);
        CheckedJwt jwt = jwts.check(request.token(), audience);
        X509Certificate recipient = recipient(audience, publicKey);
        warnOnceOfIncludeBst(audience);
        List<SamlAttribute> acting = citizens.check(jwt.citizen().cpr(), audience, request);

        SamlAssertion assertion = assertions.build(jwt, audience, recipientUrl, acting, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Element signed = signer.sign(assertion, request.context());
        Element encrypted = encrypter.encrypt(signed, recipient, EncryptionPolicy.DEFAULT);
        return new IssuedToken(encrypted, Optional.of(audience.audience()), assertion.conditions().notBefore().orElseThrow(),
                assertion.conditions().notOnOrAfter().orElseThrow(), Optional.empty());
    }

    private static String required(CitizenAudience audience, Optional<String> value, String attribute) {
        return value.orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE,
                String.format(NOT_CONFIGURED, CallerText.quote(audience.audience()), attribute)));
    }

    /**
     * The certificate of the audience's {@code publicKey}, checked when {@code checkTargetCertificate} is on;
     * {@code wst:RequestFailed} when it cannot be used: the configuration is at fault, not the caller.
     */
    private X509Certificate recipient(CitizenAudience audience, String publicKey) {
        String name = CallerText.quote(audience.audience());
        X509Certificate certificate = Certificates.fromBase64(publicKey)
                .orElseThrow(() -> new StsFault(FaultCode.REQUEST_FAILED, String.format(BAD_PUBLIC_KEY, name)));
        if (checkTargetCertificate) {
            try {
                validity.check(certificate);
            } catch (StsFault invalid) {
                throw new StsFault(FaultCode.REQUEST_FAILED, String.format(BAD_TARGET, name, invalid.getMessage()));
            }
        }
        return certificate;
    }

    /** What includeBST should put in the assertion is undocumented (OQ-19): the STS leaves it out and says so once. */
    private void warnOnceOfIncludeBst(CitizenAudience audience) {
        if (audience.includeBst() && warnedIncludeBst.add(audience.audience())) {
            LOG.warn("audienceConfiguration includeBST of audience {} is set, but JWT2OIOSaml includes no token in the assertion",
                    CallerText.quote(audience.audience()));
        }
    }
}
