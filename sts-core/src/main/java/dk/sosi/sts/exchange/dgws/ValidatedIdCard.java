package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.trust.OcesCertificate;

/**
 * Immutable. An incoming id-card whose signature, signer trust, certificate hash, validity and
 * authentication level have been checked: only {@link IncomingIdCardValidator} creates one.
 *
 * @param ocesCertHash the card's OCESCertHash, or the one computed from the signer when the card had none
 */
public final class ValidatedIdCard {

    private final IdCard card;
    private final OcesCertificate signer;
    private final String ocesCertHash;

    ValidatedIdCard(IdCard card, OcesCertificate signer, String ocesCertHash) {
        this.card = card;
        this.signer = signer;
        this.ocesCertHash = ocesCertHash;
    }

    public IdCard card() {
        return card;
    }

    public OcesCertificate signer() {
        return signer;
    }

    public String ocesCertHash() {
        return ocesCertHash;
    }
}
