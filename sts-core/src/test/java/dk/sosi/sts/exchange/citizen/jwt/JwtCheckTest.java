package dk.sosi.sts.exchange.citizen.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dk.sosi.sts.exchange.citizen.CitizenAudience;
import dk.sosi.sts.exchange.oio.RequestSecurityToken;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.trust.CrlStore;
import dk.sosi.sts.trust.KeystoreTrust;
import dk.sosi.sts.trust.RevocationChecker;
import dk.sosi.sts.trust.TrustStore;
import dk.sosi.sts.xml.SecureXml;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JwtCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUER = "http://sts-tester";
    private static final String JTPH_ISSUER = "https://jtph.test";
    private static final String CPR = "0101801234";

    private static CertificateAuthority ca;
    private static IssuedCredential idp;
    private static IssuedCredential expiredIdp;
    private static IssuedCredential revokedIdp;
    private static IssuedCredential stranger;

    private final CitizenAudience fmk = audience(Optional.of("fmk"));
    private JwtCheck check;

    @BeforeAll
    static void pki() {
        ca = CertificateAuthority.createRoot("CN=JWT Test CA, C=DK", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650)));
        idp = issue("CN=JWT IdP + SERIALNUMBER=UI:DK-O:G:1, C=DK", NOW.plus(Duration.ofDays(300)));
        expiredIdp = issue("CN=Old JWT IdP + SERIALNUMBER=UI:DK-O:G:2, C=DK", NOW.minus(Duration.ofDays(1)));
        revokedIdp = issue("CN=Revoked JWT IdP + SERIALNUMBER=UI:DK-O:G:3, C=DK", NOW.plus(Duration.ofDays(300)));
        stranger = issue("CN=Stranger + SERIALNUMBER=UI:DK-O:G:4, C=DK", NOW.plus(Duration.ofDays(300)));
    }

    private static IssuedCredential issue(String dn, Instant notAfter) {
        return ca.issue(CertificateRequest.builder(dn, NOW.minus(Duration.ofDays(9)), notAfter).build());
    }

    JwtCheckTest() {
        X509CRL crl = ca.crl(List.of(revokedIdp.certificate().getSerialNumber()), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
        CrlStore crls = new CrlStore() {
            @Override
            public Optional<X509CRL> forIssuer(X500Principal issuer) {
                return issuer.equals(crl.getIssuerX500Principal()) ? Optional.of(crl) : Optional.empty();
            }

            @Override
            public List<StoredCrl> all() {
                return List.of(new StoredCrl(crl, "test", NOW));
            }

            @Override
            public void store(X509CRL stored, String sourceUrl) {
                throw new UnsupportedOperationException();
            }
        };
        KeystoreTrust trust = new KeystoreTrust(TrustStore.of("test-jwt-idp-trust.jks", Map.of("demo-jwt-idp", idp.certificate(),
                "expired", expiredIdp.certificate(), "revoked", revokedIdp.certificate())),
                new CertificateValidity(CLOCK, new RevocationChecker(crls)));
        check = new JwtCheck(trust, Map.of(ISSUER, new KeyCloakIssuerStrategy(), JTPH_ISSUER, new JtphIssuerStrategy()),
                Duration.ofMinutes(5), CLOCK);
    }

    private static CitizenAudience audience(Optional<String> jwtScope) {
        return new CitizenAudience("https://fmk", Duration.ofHours(1), Set.of(), jwtScope, Optional.empty(), Set.of(),
                Optional.empty(), Optional.empty(), false);
    }

    // --- tokens ---

    private static JWTClaimsSet.Builder keyCloakClaims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("f:1234").audience("fmk_mock")
                .issueTime(Date.from(NOW.minusSeconds(60))).notBeforeTime(new Date(0)).expirationTime(Date.from(NOW.plus(Duration.ofHours(1))))
                .claim("auth_time", NOW.minusSeconds(120).getEpochSecond()).claim("scope", "openid fmk sosi-sts profile")
                .claim("cpr", CPR).claim("name", "Nancy Ann Berggren").claim("given_name", "Nancy Ann").claim("family_name", "Berggren");
    }

    private static String signed(JWTClaimsSet claims, String kid, IssuedCredential signer, JWSAlgorithm algorithm) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(signer.privateKey()));
        return jwt.serialize();
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        return signed(claims, "demo-jwt-idp", idp, JWSAlgorithm.RS256);
    }

    private static RequestSecurityToken request(String jwt, RequestSecurityToken.Claim... claims) {
        Document document = SecureXml.newDocument();
        Element token = document.createElementNS(Namespaces.WSSE, "wsse:BinarySecurityToken");
        token.setAttributeNS(null, "ValueType", JwtCheck.JWT_VALUE_TYPE);
        token.setTextContent(jwt);
        document.appendChild(token);
        return new RequestSecurityToken(Optional.empty(), Optional.empty(), Optional.empty(), List.of(token),
                Optional.of("https://fmk"), List.of(claims));
    }

    private StsFault refused(String jwt, FaultCode code) {
        return refused(request(jwt), fmk, code);
    }

    private StsFault refused(RequestSecurityToken request, CitizenAudience audience, FaultCode code) {
        StsFault fault = assertThrows(StsFault.class, () -> check.check(request, audience));
        assertEquals(code, fault.code(), fault.getMessage());
        return fault;
    }

    // --- accepted ---

    @Test
    void checkWhenKeyCloakJwtValidThenCitizenWithNamesAndLevel3() throws Exception {
        CheckedJwt jwt = check.check(request(signed(keyCloakClaims().build()), new RequestSecurityToken.Claim(JwtCheck.CPR_CLAIM, CPR)), fmk);

        assertEquals(CPR, jwt.citizen().cpr());
        assertEquals(Optional.of("Nancy Ann Berggren"), jwt.citizen().name());
        assertEquals(Optional.of("Berggren"), jwt.citizen().familyName());
        assertEquals(3, jwt.citizen().assuranceLevel());
        assertEquals(Optional.of(NOW.minusSeconds(120)), jwt.authTime());
        assertEquals(ISSUER, jwt.issuer());
        assertEquals(idp.certificate(), jwt.issuerCertificate());
    }

    @Test
    void checkWhenKidDiffersInCaseThenAccepted() throws Exception {
        assertEquals(CPR, check.check(request(signed(keyCloakClaims().build(), "Demo-JWT-IdP", idp, JWSAlgorithm.RS256)), fmk)
                .citizen().cpr());
    }

    @Test
    void checkWhenStrongerRsaAlgorithmsThenAccepted() throws Exception {
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
            assertEquals(CPR, check.check(request(signed(keyCloakClaims().build(), "demo-jwt-idp", idp, algorithm)), fmk).citizen().cpr());
        }
    }

    @Test
    void checkWhenJtphHighThenLevel4WithCprUuid() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(JTPH_ISSUER).subject("urn:dk:healthcare:eid:uuid:global:person:1")
                .expirationTime(Date.from(NOW.plusSeconds(300))).claim("scope", "clear sosi-sts fmk").claim("cpr", CPR)
                .claim("cpr_uuid", "7c1f").claim("acr", JtphIssuerStrategy.HIGH).build();

        CheckedJwt jwt = check.check(request(signed(claims)), fmk);

        assertEquals(4, jwt.citizen().assuranceLevel());
        assertEquals(Optional.of("7c1f"), jwt.citizen().cprUuid());
        assertEquals(Optional.empty(), jwt.citizen().name());
    }

    // --- refused ---

    @Test
    void checkWhenAudienceHasNoJwtScopeThenInvalidScope() throws Exception {
        StsFault fault = refused(request(signed(keyCloakClaims().build())), audience(Optional.empty()), FaultCode.INVALID_SCOPE);
        assertEquals(String.format(JwtCheck.NO_JWT_SCOPE, "\"https://fmk\""), fault.getMessage());
    }

    @Test
    void checkWhenNoJwtTokenThenInvalidRequest() {
        RequestSecurityToken none = new RequestSecurityToken(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.of("https://fmk"), List.of());
        assertEquals(JwtCheck.NO_JWT, refused(none, fmk, FaultCode.INVALID_REQUEST).getMessage());
    }

    @Test
    void checkWhenJwtTooLongThenInvalidRequest() {
        assertEquals(JwtCheck.TOO_LONG, refused("a".repeat(JwtCheck.MAX_LENGTH + 1), FaultCode.INVALID_REQUEST).getMessage());
    }

    @Test
    void checkWhenNotAJwtThenInvalidSecurityToken() {
        assertEquals(JwtCheck.NOT_JWT, refused("no.jwt", FaultCode.INVALID_SECURITY_TOKEN).getMessage());
    }

    @Test
    void checkWhenAlgNoneThenFailedAuthentication() {
        String plain = new PlainJWT(keyCloakClaims().build()).serialize();
        assertEquals(JwtCheck.UNSIGNED, refused(plain, FaultCode.FAILED_AUTHENTICATION).getMessage());
    }

    @Test
    void checkWhenHmacWithThePublicKeyAsSecretThenFailedAuthentication() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("demo-jwt-idp").build(), keyCloakClaims().build());
        jwt.sign(new MACSigner(idp.certificate().getPublicKey().getEncoded()));

        assertEquals(String.format(JwtCheck.ALGORITHM, "\"HS256\""), refused(jwt.serialize(), FaultCode.FAILED_AUTHENTICATION).getMessage());
    }

    @Test
    void checkWhenNoKidThenFailedAuthentication() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), keyCloakClaims().build());
        jwt.sign(new RSASSASigner(idp.privateKey()));
        assertEquals(JwtCheck.NO_KID, refused(jwt.serialize(), FaultCode.FAILED_AUTHENTICATION).getMessage());
    }

    @Test
    void checkWhenKidUnknownThenFailedAuthentication() throws Exception {
        StsFault fault = refused(signed(keyCloakClaims().build(), "unknown-kid", idp, JWSAlgorithm.RS256), FaultCode.FAILED_AUTHENTICATION);
        assertEquals(String.format(JwtCheck.UNKNOWN_KID, "\"unknown-kid\""), fault.getMessage());
    }

    @Test
    void checkWhenKidCertificateExpiredThenInvalidSecurityTokenBeforeSignature() throws Exception {
        // signed by a stranger: the expired certificate is refused before the signature is looked at
        StsFault fault = refused(signed(keyCloakClaims().build(), "expired", stranger, JWSAlgorithm.RS256), FaultCode.INVALID_SECURITY_TOKEN);
        assertTrue(fault.getMessage().contains("expired"), fault.getMessage());
    }

    @Test
    void checkWhenKidCertificateRevokedThenInvalidSecurityToken() throws Exception {
        StsFault fault = refused(signed(keyCloakClaims().build(), "revoked", revokedIdp, JWSAlgorithm.RS256), FaultCode.INVALID_SECURITY_TOKEN);
        assertTrue(fault.getMessage().contains("revoked"), fault.getMessage());
    }

    @Test
    void checkWhenSignedByAnotherKeyThenFailedAuthentication() throws Exception {
        StsFault fault = refused(signed(keyCloakClaims().build(), "demo-jwt-idp", stranger, JWSAlgorithm.RS256), FaultCode.FAILED_AUTHENTICATION);
        assertEquals(String.format(JwtCheck.BAD_SIGNATURE, "\"demo-jwt-idp\""), fault.getMessage());
    }

    @Test
    void checkWhenIssuerNotInIssuerStrategiesThenFailedAuthentication() throws Exception {
        StsFault fault = refused(signed(keyCloakClaims().issuer("https://evil").build()), FaultCode.FAILED_AUTHENTICATION);
        assertEquals(String.format(JwtCheck.UNKNOWN_ISSUER, "\"https://evil\""), fault.getMessage());
    }

    @Test
    void checkWhenJwtExpiredBeyondDriftThenFaultSaysExpired() throws Exception {
        StsFault fault = refused(signed(keyCloakClaims().expirationTime(Date.from(NOW.minus(Duration.ofMinutes(6)))).build()),
                FaultCode.INVALID_SECURITY_TOKEN);
        assertEquals("The JWT expired at 2026-11-29T09:54:00Z", fault.getMessage());
    }

    @Test
    void checkWhenJwtExpiredWithinDriftThenAccepted() throws Exception {
        assertEquals(CPR, check.check(request(signed(keyCloakClaims().expirationTime(Date.from(NOW.minus(Duration.ofMinutes(4)))).build())),
                fmk).citizen().cpr());
    }

    @Test
    void checkWhenNotYetValidOrIssuedLaterThenInvalidSecurityToken() throws Exception {
        Date later = Date.from(NOW.plus(Duration.ofMinutes(10)));
        assertEquals("The JWT is not valid before 2026-11-29T10:10:00Z",
                refused(signed(keyCloakClaims().notBeforeTime(later).build()), FaultCode.INVALID_SECURITY_TOKEN).getMessage());
        assertEquals("The JWT is issued in the future (iat 2026-11-29T10:10:00Z)",
                refused(signed(keyCloakClaims().issueTime(later).build()), FaultCode.INVALID_SECURITY_TOKEN).getMessage());
    }

    @Test
    void checkWhenNoExpiryThenInvalidSecurityToken() throws Exception {
        assertEquals(JwtCheck.NO_EXPIRY, refused(signed(keyCloakClaims().expirationTime(null).build()), FaultCode.INVALID_SECURITY_TOKEN)
                .getMessage());
    }

    @Test
    void checkWhenScopeLacksJwtScopeThenInvalidScope() throws Exception {
        StsFault fault = refused(signed(keyCloakClaims().claim("scope", "openid fmkx profile").build()), FaultCode.INVALID_SCOPE);
        assertEquals(String.format(JwtCheck.SCOPE, "\"fmk\"", "\"https://fmk\""), fault.getMessage());
    }

    @Test
    void checkWhenCprClaimDiffersThenFailedAuthentication() throws Exception {
        RequestSecurityToken request = request(signed(keyCloakClaims().build()), new RequestSecurityToken.Claim(JwtCheck.CPR_CLAIM, "0101801235"));
        assertEquals(JwtCheck.CPR_MISMATCH, refused(request, fmk, FaultCode.FAILED_AUTHENTICATION).getMessage());
    }

    @Test
    void checkWhenStrategyClaimMissingThenInvalidSecurityToken() throws Exception {
        assertEquals(String.format(Claims.MISSING, "cpr"),
                refused(signed(keyCloakClaims().claim("cpr", null).build()), FaultCode.INVALID_SECURITY_TOKEN).getMessage());
    }

    @Test
    void checkWhenJtphAcrLowThenInvalidSecurityToken() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(JTPH_ISSUER).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("scope", "fmk").claim("cpr", CPR).claim("acr", "https://data.gov.dk/concept/core/nsis/loa/Low").build();
        assertTrue(refused(signed(claims), FaultCode.INVALID_SECURITY_TOKEN).getMessage().startsWith("The JWT's acr"));
    }
}
