package dk.sosi.sts.exchange;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Immutable. What an exchange issued, for the shared front to answer with in its family's envelope:
 * the token element (signed, and encrypted where the exchange encrypts; in a document of its own, moved
 * into the answer), the audience it is for and its lifetime.
 *
 * @param token      a signed {@code saml:Assertion}, or a {@code saml:EncryptedAssertion}
 * @param appliesTo  the audience, echoed in {@code wsp:AppliesTo} (OIO)
 * @param created    the token's NotBefore, {@code wst:Lifetime/wsu:Created} (OIO)
 * @param expires    the token's NotOnOrAfter, {@code wst:Lifetime/wsu:Expires} (OIO)
 * @param referenceId the id an id-card output is referred to by ({@code IDCard}): OIO answers then carry
 *     {@code wst:RequestedAttachedReference} and {@code wst:RequestedUnattachedReference}
 */
public record IssuedToken(Element token, Optional<String> appliesTo, Instant created, Instant expires,
        Optional<String> referenceId) {

    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(appliesTo, "appliesTo");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(referenceId, "referenceId");
    }
}
