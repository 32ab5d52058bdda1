package dk.sosi.sts.web;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.DgwsRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardType;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;

/** Builds id-cards and signed DGWS requests as a client system would, with the demo PKI's certificates. */
final class DgwsClientFixture {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final String DEMO_CVR = "20921897";
    static final String KARL_RID = "46283716";

    private final DemoConfiguration demo;

    DgwsClientFixture(DemoConfiguration demo) {
        this.demo = demo;
    }

    IssuedCredential client(DemoClient client) {
        return demo.loadClientCredential(client);
    }

    /** A level-3 system card as Seal makes one: NotBefore = IssueInstant = now − 5 min, 24 h validity. */
    static IdCard.Builder systemCard(X509Certificate signer) {
        Instant notBefore = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return IdCard.builder()
                .issuer("DemoClient")
                .nameId(new NameId("medcom:cvrnumber", DEMO_CVR))
                .issueInstant(notBefore)
                .notBefore(notBefore)
                .notOnOrAfter(notBefore.plus(Duration.ofHours(24)))
                .idCardId(UUID.randomUUID().toString())
                .version(DgwsVersion.V1_0_1)
                .type(IdCardType.SYSTEM)
                .authenticationLevel(3)
                .ocesCertHash(Optional.of(sha1(signer)))
                .userLog(Optional.empty())
                .systemLog(new SystemLog("Demo EPJ", "medcom:cvrnumber", DEMO_CVR, "Demo Lægehus"))
                .usernameToken(Optional.empty());
    }

    /** A level-4 user card for {@code cpr} with {@code role}. */
    static IdCard.Builder userCard(X509Certificate signer, String cpr, String role) {
        return systemCard(signer)
                .nameId(new NameId("medcom:cprnumber", cpr))
                .type(IdCardType.USER)
                .authenticationLevel(4)
                .userLog(Optional.of(new UserLog(Optional.of(cpr), "Karl", "Hansen", Optional.of("karl@demo.dk"), role,
                        Optional.empty(), Optional.empty())));
    }

    static Document request(IdCard card, IssuedCredential signer, SignatureAlgorithm algorithm, String messageId) {
        return new DgwsRequestBuilder(COPENHAGEN).request(card, signer.privateKey(), signer.certificate(), algorithm,
                messageId, Instant.now());
    }

    /** A signed request for a level-3 system card of {@code signer}, as sent over HTTP. */
    static String systemRequest(IssuedCredential signer, String messageId) {
        return text(request(systemCard(signer.certificate()).build(), signer, SignatureAlgorithm.RSA_SHA1, messageId));
    }

    static String text(Document document) {
        return new String(SecureXml.toBytes(document), StandardCharsets.UTF_8);
    }

    static String sha1(X509Certificate certificate) {
        return hash("SHA-1", certificate);
    }

    static String sha256(X509Certificate certificate) {
        return hash("SHA-256", certificate);
    }

    private static String hash(String algorithm, X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
