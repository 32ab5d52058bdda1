package dk.sosi.sts.xmldsig;

import java.util.Objects;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.signature.XMLSignatureNodeInput;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;
import org.w3c.dom.Element;

/**
 * Not shared: one per signature. Resolves exactly {@code #<id>} to the one element given, without
 * {@code getElementById}, so a reference can only ever reach the element the caller means to sign or
 * verify (and an element not yet appended to its document can be signed).
 */
final class SingleElementResolver extends ResourceResolverSpi {

    private final String uri;
    private final Element element;

    SingleElementResolver(String id, Element element) {
        this.uri = "#" + Objects.requireNonNull(id, "id");
        this.element = Objects.requireNonNull(element, "element");
    }

    @Override
    public boolean engineCanResolveURI(ResourceResolverContext context) {
        return uri.equals(context.uriToResolve);
    }

    @Override
    public XMLSignatureInput engineResolveURI(ResourceResolverContext context) {
        XMLSignatureInput input = new XMLSignatureNodeInput(element);
        input.setSecureValidation(context.secureValidation);
        input.setExcludeComments(true);
        input.setMIMEType("text/xml");
        input.setSourceURI(context.baseUri == null ? uri : context.baseUri.concat(uri));
        return input;
    }
}
