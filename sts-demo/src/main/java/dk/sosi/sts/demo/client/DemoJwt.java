package dk.sosi.sts.demo.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.SecureXml;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an OIDC provider of the Keycloak kind issues for a logged-in citizen (the claims of exchanges.md 3.5), and how a
 * citizen app puts it into an OIO WS-Trust request: a {@code wsse:BinarySecurityToken} of ValueType
 * {@value #VALUE_TYPE}, the compact JWS as text.
 */
public final class DemoJwt {

    public static final String VALUE_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    private DemoJwt() {
    }

    /** The claims of a citizen's one-hour token from {@code issuer} with {@code scope}, issued a minute before {@code now}. */
    public static JWTClaimsSet.Builder citizen(String issuer, String cpr, String scope, Instant now) {
        Instant issued = now.minus(Duration.ofMinutes(1));
        return new JWTClaimsSet.Builder().issuer(issuer).jwtID(UUID.randomUUID().toString())
                .subject(UUID.randomUUID().toString()).audience("demo-citizen-app").issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued)).expirationTime(Date.from(issued.plus(Duration.ofHours(1))))
                .claim("auth_time", issued.getEpochSecond()).claim("typ", "Bearer").claim("scope", "openid " + scope + " profile")
                .claim("cpr", cpr).claim("name", "Nancy Ann Berggren").claim("given_name", "Nancy Ann").claim("family_name", "Berggren");
    }

    /** {@code claims} signed RS256 by {@code key}, the header naming {@code kid}. */
    public static String signed(JWTClaimsSet claims, String kid, PrivateKey key) {
        return signed(claims, kid, key, JWSAlgorithm.RS256);
    }

    public static String signed(JWTClaimsSet claims, String kid, PrivateKey key, JWSAlgorithm algorithm) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("The demo JWT cannot be signed", e);
        }
        return jwt.serialize();
    }

    /** {@code jwt} as the token of a request's ActAs. */
    public static Element binarySecurityToken(String jwt) {
        Document document = SecureXml.newDocument();
        Element token = document.createElementNS(Namespaces.WSSE, "wsse:BinarySecurityToken");
        token.setAttributeNS(null, "ValueType", VALUE_TYPE);
        token.setTextContent(jwt);
        document.appendChild(token);
        return token;
    }
}
