package dk.sosi.sts.token.saml;

import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Immutable. An assertion as read from a request: the model, its DOM element, and its ds:Signature if
 * any. Nothing here has been verified; the element, with {@link #ID_ATTRIBUTE}, is what a signature
 * verifier must be given.
 *
 * @param assertion the assertion's content
 * @param element   the {@code saml:Assertion} it was read from
 * @param signature the {@code ds:Signature} that is a direct child of {@code element}, if there is one
 */
public record ParsedAssertion(SamlAssertion assertion, Element element, Optional<Element> signature) {

    /** The attribute that holds a SAML 2.0 assertion's XML id, the one its signature refers to. */
    public static final String ID_ATTRIBUTE = SamlNames.ID;

    public ParsedAssertion {
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(signature, "signature");
    }
}
