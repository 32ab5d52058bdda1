package dk.sosi.sts.xmldsig;

import java.util.Map;
import java.util.Objects;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.signature.XMLSignatureNodeInput;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;
import org.w3c.dom.Element;

/**
 * Not shared: one per signature. Resolves {@code #<id>} to the element given for that id, and nothing
 * else, without {@code getElementById}: a reference can only ever reach an element the caller means to
 * sign or verify (and an element not yet appended to its document can be signed).
 */
final class KnownElementsResolver extends ResourceResolverSpi {

    private final Map<String, Element> byId;

    /** @param byId each element by its id, without the {@code #} */
    KnownElementsResolver(Map<String, Element> byId) {
        this.byId = Map.copyOf(Objects.requireNonNull(byId, "byId"));
    }

    @Override
    public boolean engineCanResolveURI(ResourceResolverContext context) {
        String uri = context.uriToResolve;
        return uri != null && uri.startsWith("#") && byId.containsKey(uri.substring(1));
    }

    @Override
    public XMLSignatureInput engineResolveURI(ResourceResolverContext context) {
        String uri = context.uriToResolve;
        XMLSignatureInput input = new XMLSignatureNodeInput(byId.get(uri.substring(1)));
        input.setSecureValidation(context.secureValidation);
        input.setExcludeComments(true);
        input.setMIMEType("text/xml");
        input.setSourceURI(context.baseUri == null ? uri : context.baseUri.concat(uri));
        return input;
    }
}
