package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.exchange.IdCardIssuer;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.token.idcard.CertificateInfo;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.UserLog;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. The STS's id-card for a validated incoming card (protocol.md 4.3): validity from five minutes
 * ago for 24 hours, NameID {@code medcom:other} naming the signer's certificate, levels and logs kept; the
 * {@link IdCardIssuer} signs it.
 */
public final class DgwsIdCardIssuer {

    static final Duration BACKDATING = Duration.ofMinutes(5);
    static final Duration LIFETIME = Duration.ofHours(24);
    static final String OTHER_FORMAT = "medcom:other";

    private final IdCardIssuer cards;

    public DgwsIdCardIssuer(IdCardIssuer cards) {
        this.cards = Objects.requireNonNull(cards, "cards");
    }

    /** The signed card for {@code incoming} with {@code userLog}, as the root of a document of its own. */
    public IssuedToken issue(ValidatedIdCard incoming, Optional<UserLog> userLog, RequestContext request) {
        return cards.issue(incoming.card().toBuilder()
                .nameId(new NameId(OTHER_FORMAT, CertificateInfo.of(incoming.signer().certificate()).text()))
                .ocesCertHash(Optional.of(incoming.ocesCertHash()))
                .userLog(userLog)
                .usernameToken(Optional.empty()), // never repeat a level-2 password in a card the STS signs
                BACKDATING, LIFETIME, request);
    }
}
