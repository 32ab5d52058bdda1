package dk.sosi.sts.token.idcard;

import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Immutable. A card as read from a request: the model, its DOM element, and its ds:Signature if any.
 * Nothing here has been verified; the element is what a signature verifier must be given.
 *
 * @param card      the card's content
 * @param element   the {@code saml:Assertion} it was read from
 * @param signature the {@code ds:Signature} that is a direct child of {@code element}, if there is one
 */
public record ParsedIdCard(IdCard card, Element element, Optional<Element> signature) {

    public ParsedIdCard {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * The name of the attribute that holds the card's XML id, the one its signature refers to:
     * {@code id} (DGWS, Seal's default), else {@code ID} (Seal message version 1.0_2; protocol.md 3.6).
     */
    public String idAttribute() {
        return element.hasAttributeNS(null, IdCardNames.ID) ? IdCardNames.ID : IdCardNames.ID_UPPER;
    }
}
