package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.token.idcard.CertificateInfo;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardWriter;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.trust.StsCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.XmlSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. Issues the STS's id-card for a validated incoming card (protocol.md 4.3): a new
 * IDCardID, validity from five minutes ago for 24 hours, the STS as Issuer, NameID {@code medcom:other}
 * naming the signer's certificate, levels and logs kept, signed by the STS key (rsa-sha1, as the
 * Seal.Java schema demands). SLA point 210 {@code SecurityTokenService.issueIdCard}
 * (and 260 {@code SignatureProvider.sign}, in the signer).
 */
public final class DgwsIdCardIssuer {

    static final Duration BACKDATING = Duration.ofMinutes(5);
    static final Duration LIFETIME = Duration.ofHours(24);
    static final String OTHER_FORMAT = "medcom:other";

    private final String issuer;
    private final IdCardWriter writer;
    private final XmlSigner signer;
    private final StsCredential credential;
    private final SlaLog sla;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DgwsIdCardIssuer(String issuer, IdCardWriter writer, XmlSigner signer, StsCredential credential, SlaLog sla,
            Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signed card for {@code incoming} with {@code userLog}, as the root of a document of its own. */
    public IssuedToken issue(ValidatedIdCard incoming, Optional<UserLog> userLog, RequestContext request) {
        return sla.measure(SlaPoint.ISSUE_ID_CARD, request, () -> {
            IdCard card = newCard(incoming, userLog);
            Document document = SecureXml.newDocument();
            Element assertion = writer.write(card, document);
            document.appendChild(assertion);
            signer.signEnveloped(assertion, "id", XmlSigner.Placement.ID_CARD, credential, request);
            return new IssuedToken(assertion, Optional.empty(), card.notBefore(), card.notOnOrAfter(), Optional.empty());
        });
    }

    private IdCard newCard(ValidatedIdCard incoming, Optional<UserLog> userLog) {
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATING);
        byte[] id = new byte[16];
        random.nextBytes(id);
        return incoming.card().toBuilder()
                .issuer(issuer)
                .nameId(new NameId(OTHER_FORMAT, CertificateInfo.of(incoming.signer().certificate()).text()))
                .issueInstant(notBefore)
                .notBefore(notBefore)
                .notOnOrAfter(notBefore.plus(LIFETIME))
                .idCardId(Base64.getEncoder().encodeToString(id))
                .ocesCertHash(Optional.of(incoming.ocesCertHash()))
                .userLog(userLog)
                .usernameToken(Optional.empty()) // never repeat a level-2 password in a card the STS signs
                .build();
    }
}
