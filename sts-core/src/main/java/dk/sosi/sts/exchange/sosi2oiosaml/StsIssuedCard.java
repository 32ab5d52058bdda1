package dk.sosi.sts.exchange.sosi2oiosaml;

import dk.sosi.sts.token.idcard.CertificateInfo;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.UserLog;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Immutable. A user id-card this STS issued, checked: its content, its element (unchanged, so its signature
 * still verifies wherever it is copied) and the certificate its NameID names.
 */
public record StsIssuedCard(IdCard card, Element element, UserLog user, CertificateInfo certificate) {

    public StsIssuedCard {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(certificate, "certificate");
    }
}
