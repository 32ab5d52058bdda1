package dk.sosi.sts.exchange.citizen.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dk.sosi.sts.exchange.citizen.CitizenAudience;
import dk.sosi.sts.exchange.oio.RequestSecurityToken;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.trust.KeystoreTrust;
import dk.sosi.sts.xml.XmlTimes;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * Thread-safe. The one check of the JWT a citizen exchange (JWT2Idws, JWT2OIOSaml; exchanges.md 3.5 steps 2-9) gets in
 * {@code wst14:ActAs/wsse:BinarySecurityToken ValueType="urn:ietf:params:oauth:token-type:jwt"}: the audience takes
 * JWTs ({@code jwtScope}); the token is a compact JWS of an RSA algorithm; its header's {@code kid} names an alias of the
 * JWT trust store whose certificate is valid and not revoked now, decided before any signature arithmetic; the
 * signature verifies with it; its {@code iss} is a key of {@code issuerStrategies}; {@code exp}, {@code nbf} and
 * {@code iat} hold with the allowed drift; its {@code scope} holds the audience's {@code jwtScope}; the issuer's
 * strategy names the citizen, whose CPR the request's CPR claim, if any, must equal.
 */
public final class JwtCheck {

    public static final String JWT_VALUE_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    /** The request's claim of the citizen's CPR (exchanges.md 3.4). */
    public static final String CPR_CLAIM = "dk:gov:saml:attribute:CprNumberIdentifier";
    /** A JWT of an OIDC provider is a few kilobytes; anything far larger is refused before it is parsed. */
    static final int MAX_LENGTH = 16 * 1024;
    /** RS256 is what the known issuers use; the stronger RSA variants are accepted too (OQ-18). */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256);
    static final String ALGORITHM_NAMES = "RS256, RS384, RS512 or PS256";

    static final String NO_JWT = "The wst14:ActAs must hold the JWT as one wsse:BinarySecurityToken with ValueType "
            + JWT_VALUE_TYPE;
    /** Audience. */
    static final String NO_JWT_SCOPE = "Audience not configured: %s has no jwtScope, so it takes no JWT";
    static final String TOO_LONG = "The JWT is longer than " + MAX_LENGTH + " characters";
    static final String NOT_JWT = "The JWT is not a compact JWS (header.payload.signature, base64url)";
    static final String UNSIGNED = "The JWT is not signed (alg none); the STS takes JWTs signed with " + ALGORITHM_NAMES;
    static final String ENCRYPTED = "The JWT is encrypted (JWE); the STS takes JWTs signed with " + ALGORITHM_NAMES;
    /** Algorithm. */
    static final String ALGORITHM = "The JWT is signed with %s; the STS takes JWTs signed with " + ALGORITHM_NAMES;
    static final String NO_KID = "The JWT header has no kid naming the certificate of its issuer";
    /** Kid. */
    static final String UNKNOWN_KID = FederationTrust.UNTRUSTED + ": the JWT's kid %s names no certificate of the JWT trust store";
    /** Kid. */
    static final String BAD_SIGNATURE = FederationTrust.UNTRUSTED + ": the JWT's signature does not verify with the certificate of kid %s";
    static final String BAD_CLAIMS = "The JWT's payload is not a valid claims set";
    /** Issuer. */
    static final String UNKNOWN_ISSUER = "The JWT's issuer (iss) %s is not trusted: it is no key of issuerStrategies";
    static final String NO_EXPIRY = "The JWT has no exp claim; the STS accepts only tokens that expire";
    /** Time. The guide's clients look for "expired". */
    static final String EXPIRED = "The JWT expired at %s";
    /** Time. */
    static final String NOT_YET_VALID = "The JWT is not valid before %s";
    /** Time. */
    static final String ISSUED_LATER = "The JWT is issued in the future (iat %s)";
    /** jwtScope, audience. */
    static final String SCOPE = "The JWT's scope does not contain %s, the jwtScope of audience %s";
    /** Claim. */
    static final String NOT_TIME = "The JWT's %s claim is not a time";
    static final String CPR_MISMATCH = "The claim " + CPR_CLAIM + " of the request is not the CPR of the JWT";

    private final KeystoreTrust trust;
    private final Map<String, IssuerStrategy> issuerStrategies;
    private final Duration allowedDrift;
    private final Clock clock;

    /**
     * @param trust            the JWT trust store ({@code trustStoreFile}): alias = kid
     * @param issuerStrategies {@code issuerStrategies}: the trusted issuers ({@code iss}) and how their claims read
     * @param allowedDrift     {@code allowedDriftInSeconds}: how far the issuer's clock may be off
     */
    public JwtCheck(KeystoreTrust trust, Map<String, IssuerStrategy> issuerStrategies, Duration allowedDrift, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.issuerStrategies = Map.copyOf(issuerStrategies);
        this.allowedDrift = Objects.requireNonNull(allowedDrift, "allowedDrift");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (allowedDrift.isNegative()) {
            throw new IllegalArgumentException("allowedDrift must not be negative, was " + allowedDrift);
        }
    }

    /**
     * Checks the JWT of {@code request} for {@code audience}.
     *
     * @throws StsFault {@code wst:InvalidRequest} without a JWT, {@code wst:InvalidScope} when the audience takes no JWT or
     *                  the scope lacks its jwtScope, {@code wst:FailedAuthentication} for an algorithm, kid, signature,
     *                  issuer or CPR claim refused, {@code wst:InvalidSecurityToken} for a kid certificate no longer
     *                  valid, a malformed token, times outside the validity period ("expired") or claims missing
     */
    public CheckedJwt check(RequestSecurityToken request, CitizenAudience audience) {
        String jwtScope = audience.jwtScope().orElseThrow(() -> new StsFault(FaultCode.INVALID_SCOPE,
                String.format(NO_JWT_SCOPE, CallerText.quote(audience.audience()))));
        SignedJWT jwt = signed(text(request.actAs()));
        String kid = Optional.ofNullable(jwt.getHeader().getKeyID()).filter(k -> !k.isBlank())
                .orElseThrow(() -> refused(NO_KID));
        X509Certificate certificate = trust.byKid(kid)
                .orElseThrow(() -> refused(String.format(UNKNOWN_KID, CallerText.quote(kid))));
        trust.check(certificate);
        verify(jwt, certificate, kid);

        JWTClaimsSet claims = claims(jwt);
        IssuerStrategy strategy = Optional.ofNullable(claims.getIssuer()).map(issuerStrategies::get)
                .orElseThrow(() -> refused(String.format(UNKNOWN_ISSUER, CallerText.quote(String.valueOf(claims.getIssuer())))));
        Instant expiry = checkTimes(claims);
        if (!scopes(claims).contains(jwtScope)) {
            throw new StsFault(FaultCode.INVALID_SCOPE, String.format(SCOPE, CallerText.quote(jwtScope),
                    CallerText.quote(audience.audience())));
        }
        JwtCitizen citizen = strategy.citizen(claims);
        request.claim(CPR_CLAIM).filter(claimed -> !claimed.replace("-", "").equals(citizen.cpr())).ifPresent(claimed -> {
            throw refused(CPR_MISMATCH);
        });
        return new CheckedJwt(citizen, claims.getIssuer(), kid, date(claims, "auth_time"), expiry, certificate, claims);
    }

    /** The text of the one JWT BinarySecurityToken among {@code actAs}. */
    private static String text(List<Element> actAs) {
        List<Element> jwts = actAs.stream()
                .filter(token -> "BinarySecurityToken".equals(token.getLocalName()) && Namespaces.WSSE.equals(token.getNamespaceURI())
                        && JWT_VALUE_TYPE.equals(token.getAttributeNS(null, "ValueType")))
                .toList();
        if (jwts.size() != 1) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_JWT);
        }
        String text = jwts.get(0).getTextContent().strip();
        if (text.length() > MAX_LENGTH) {
            throw new StsFault(FaultCode.INVALID_REQUEST, TOO_LONG);
        }
        return text;
    }

    /** The token as a JWS of an accepted algorithm; {@code none}, HMAC and every other algorithm are refused. */
    private static SignedJWT signed(String text) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(text);
        } catch (ParseException e) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, NOT_JWT);
        }
        if (jwt instanceof PlainJWT) {
            throw refused(UNSIGNED);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, ENCRYPTED);
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw refused(String.format(ALGORITHM, CallerText.quote(algorithm.getName())));
        }
        return signed;
    }

    private static void verify(SignedJWT jwt, X509Certificate certificate, String kid) {
        String bad = String.format(BAD_SIGNATURE, CallerText.quote(kid));
        if (!(certificate.getPublicKey() instanceof RSAPublicKey key)) {
            throw refused(bad);
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw refused(bad);
            }
        } catch (JOSEException e) {
            throw refused(bad);
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, BAD_CLAIMS);
        }
    }

    /** Checks exp, nbf and iat against now with the allowed drift; returns exp. */
    private Instant checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Instant expiry = Optional.ofNullable(claims.getExpirationTime()).map(Date::toInstant)
                .orElseThrow(() -> new StsFault(FaultCode.INVALID_SECURITY_TOKEN, NO_EXPIRY));
        if (!now.minus(allowedDrift).isBefore(expiry)) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(EXPIRED, XmlTimes.zulu(expiry)));
        }
        Optional.ofNullable(claims.getNotBeforeTime()).map(Date::toInstant).filter(nbf -> now.plus(allowedDrift).isBefore(nbf))
                .ifPresent(nbf -> {
                    throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(NOT_YET_VALID, XmlTimes.zulu(nbf)));
                });
        Optional.ofNullable(claims.getIssueTime()).map(Date::toInstant).filter(iat -> now.plus(allowedDrift).isBefore(iat))
                .ifPresent(iat -> {
                    throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(ISSUED_LATER, XmlTimes.zulu(iat)));
                });
        return expiry;
    }

    /** {@code scope}: space-separated (RFC 8693), or a list as some issuers write it. */
    private static Set<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        Stream<String> values = scope instanceof String text ? Arrays.stream(text.split("\\s+"))
                : scope instanceof Collection<?> list ? list.stream().map(String::valueOf) : Stream.empty();
        return values.filter(value -> !value.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<Instant> date(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getDateClaim(name)).map(Date::toInstant);
        } catch (ParseException e) {
            throw Claims.invalid(String.format(NOT_TIME, name));
        }
    }

    private static StsFault refused(String message) {
        return new StsFault(FaultCode.FAILED_AUTHENTICATION, message);
    }
}
