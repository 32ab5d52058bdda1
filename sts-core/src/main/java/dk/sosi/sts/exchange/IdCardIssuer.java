package dk.sosi.sts.exchange;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardWriter;
import dk.sosi.sts.trust.StsKeys;
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
 * Thread-safe. Signs the id-cards of every exchange that issues one (the DGWS token service, OIOSaml2Sosi,
 * BST2SOSI): the exchange says what the card states; this gives it the STS as Issuer, a new IDCardID and its
 * validity (from {@code backdating} ago, the guide's {@code fuzzyTime}, for {@code lifetime}), and signs it
 * with the STS key, enveloped with the signature last (exchanges.md 2.8 S1: rsa-sha1, as the Seal.Java schema
 * demands). SLA point 210 {@code SecurityTokenService.issueIdCard} (and 260 {@code SignatureProvider.sign}, in
 * the signer).
 */
public final class IdCardIssuer {

    private final String issuer;
    private final IdCardWriter writer;
    private final XmlSigner signer;
    private final StsKeys keys;
    private final SlaLog sla;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param issuer the STS's name, an NCName such as {@code TEST1-NSP-STS} */
    public IdCardIssuer(String issuer, IdCardWriter writer, XmlSigner signer, StsKeys keys, SlaLog sla, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The signed card stating what {@code card} states, valid from {@code backdating} before now for
     * {@code lifetime}, as the root of a document of its own.
     */
    public IssuedToken issue(IdCard.Builder card, Duration backdating, Duration lifetime, RequestContext request) {
        return sla.measure(SlaPoint.ISSUE_ID_CARD, request, () -> {
            Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(backdating);
            byte[] id = new byte[16];
            random.nextBytes(id);
            IdCard issued = card.issuer(issuer)
                    .issueInstant(notBefore)
                    .notBefore(notBefore)
                    .notOnOrAfter(notBefore.plus(lifetime))
                    .idCardId(Base64.getEncoder().encodeToString(id))
                    .build();
            Document document = SecureXml.newDocument();
            Element assertion = writer.write(issued, document);
            document.appendChild(assertion);
            signer.signEnveloped(assertion, "id", XmlSigner.Placement.ID_CARD, keys.at(request.receivedAt()), request);
            return new IssuedToken(assertion, Optional.empty(), issued.notBefore(), issued.notOnOrAfter(), Optional.empty());
        });
    }

    /**
     * As {@link #issue}, for an OIO WS-Trust answer (OIOSaml2Sosi, BST2SOSI): the answer echoes {@code appliesTo}
     * and refers to the card by its id ({@code wst:RequestedAttachedReference}, exchanges.md 3.2).
     */
    public IssuedToken issueForOio(IdCard.Builder card, Duration backdating, Duration lifetime, String appliesTo,
            RequestContext request) {
        IssuedToken issued = issue(card, backdating, lifetime, request);
        return new IssuedToken(issued.token(), Optional.of(appliesTo), issued.created(), issued.expires(), Optional.of(IdCardWriter.CARD_ID));
    }

    /** The STS's name, the Issuer of its cards. */
    public String issuer() {
        return issuer;
    }
}
