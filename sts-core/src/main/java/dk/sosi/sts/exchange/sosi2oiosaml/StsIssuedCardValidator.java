package dk.sosi.sts.exchange.sosi2oiosaml;

import dk.sosi.sts.configuration.IboConfig;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.idcard.CertificateInfo;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.token.idcard.IdCardType;
import dk.sosi.sts.token.idcard.ParsedIdCard;
import dk.sosi.sts.xml.XmlTimes;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Thread-safe. Checks an id-card presented to Sosi2OIOSaml (exchanges.md 3.1, steps 3 to 5 and 8): signed by
 * this STS (current or previous key; "Id-kort skal være signeret af STS"), a user card of authentication
 * level 3 or 4, within its validity period, no older than the audience's {@code idCardMaxAgeMins}, and with the
 * NameID and CareProviderID the DGWS token service writes.
 */
public final class StsIssuedCardValidator {

    static final String NOT_A_USER_CARD = "Sosi2OIOSaml issues assertions for user id-cards only; this card is a %s card";
    static final String WRONG_LEVEL = "Sosi2OIOSaml needs an id-card of authentication level 3 or 4; this card has level %d";
    static final String NOT_YET_VALID = "The id-card is not valid before %s";
    static final String EXPIRED = "The id-card expired at %s";
    static final String TOO_OLD = "The id-card expired for this audience: it was issued at %s, and the audience accepts cards "
            + "for %d minutes; get a new id-card";
    /** Seal's texts, which client developers search for. */
    static final String NAME_ID_NOT_CERTIFICATE_INFO = "Subject NameID is not in CertificateInfo format";
    static final String NO_CVR = "CVR no. not provided in CareProvider";

    private static final String OTHER = "medcom:other";
    private static final String CVR_NUMBER = "medcom:cvrnumber";

    private final IdCardParser parser;
    private final EnvelopedSignatureVerifier signatures;
    private final SignerCheck sts;
    private final Duration allowedDrift;
    private final Clock clock;

    /** @param sts the trust in the STS's own certificates */
    public StsIssuedCardValidator(IdCardParser parser, EnvelopedSignatureVerifier signatures, SignerCheck sts,
            Duration allowedDrift, Clock clock) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.allowedDrift = Objects.requireNonNull(allowedDrift, "allowedDrift");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The checked card in {@code element}, for the audience of {@code row}. */
    public StsIssuedCard validate(Element element, IboConfig row) {
        ParsedIdCard parsed = parser.parse(element);
        signatures.verify(parsed.element(), parsed.idAttribute(), sts);
        IdCard card = parsed.card();
        if (card.type() != IdCardType.USER || card.userLog().isEmpty()) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_A_USER_CARD, card.type().value()));
        }
        if (card.authenticationLevel() < 3) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(WRONG_LEVEL, card.authenticationLevel()));
        }
        checkTime(card, row.idCardMaxAge());
        if (!OTHER.equals(card.nameId().format())) {
            throw new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS, NAME_ID_NOT_CERTIFICATE_INFO);
        }
        CertificateInfo certificate = CertificateInfo.parse(card.nameId().value())
                .orElseThrow(() -> new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS, NAME_ID_NOT_CERTIFICATE_INFO));
        if (!CVR_NUMBER.equals(card.systemLog().careProviderIdFormat())) {
            throw new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS, NO_CVR);
        }
        return new StsIssuedCard(card, parsed.element(), card.userLog().get(), certificate);
    }

    private void checkTime(IdCard card, Duration maxAge) {
        Instant now = clock.instant();
        if (now.plus(allowedDrift).isBefore(card.notBefore())) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(NOT_YET_VALID, XmlTimes.zulu(card.notBefore())));
        }
        if (!now.minus(allowedDrift).isBefore(card.notOnOrAfter())) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(EXPIRED, XmlTimes.zulu(card.notOnOrAfter())));
        }
        if (now.minus(allowedDrift).isAfter(card.issueInstant().plus(maxAge))) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN,
                    String.format(TOO_OLD, XmlTimes.zulu(card.issueInstant()), maxAge.toMinutes()));
        }
    }
}
