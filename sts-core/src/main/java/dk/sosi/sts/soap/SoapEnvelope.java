package dk.sosi.sts.soap;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Immutable view of a parsed SOAP 1.1 envelope: its header (optional) and body, checked for the
 * shape every exchange relies on. DGWS and OIO requests both arrive this way.
 */
public final class SoapEnvelope {

    static final String NOT_AN_ENVELOPE = "The message is not a SOAP 1.1 Envelope";
    static final String SOAP12_NOT_SUPPORTED =
            "SOAP 1.2 envelopes are not supported; send a SOAP 1.1 envelope (any content type is accepted)";
    static final String NO_BODY = "The SOAP Envelope has no Body";
    static final String EMPTY_BODY = "The SOAP Body must hold exactly one request element";
    static final String DUPLICATE_SECURITY = "The SOAP Header holds more than one wsse:Security";

    private final Document document;
    private final Element header;
    private final Element body;

    private SoapEnvelope(Document document, Element header, Element body) {
        this.document = document;
        this.header = header;
        this.body = body;
    }

    /** Checks that {@code document} is a SOAP 1.1 envelope with a body; throws {@link StsFault} if not. */
    public static SoapEnvelope of(Document document) {
        Objects.requireNonNull(document, "document");
        Element root = document.getDocumentElement();
        if (root == null || !"Envelope".equals(root.getLocalName())) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NOT_AN_ENVELOPE);
        }
        if (Namespaces.SOAP12.equals(root.getNamespaceURI())) {
            throw new StsFault(FaultCode.INVALID_REQUEST, SOAP12_NOT_SUPPORTED);
        }
        if (!Namespaces.SOAP11.equals(root.getNamespaceURI())) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NOT_AN_ENVELOPE);
        }
        Element header = null;
        Element body = null;
        for (Element child : childElements(root)) {
            if (isSoap(child, "Header") && header == null && body == null) {
                header = child;
            } else if (isSoap(child, "Body") && body == null) {
                body = child;
            } else {
                throw new StsFault(FaultCode.INVALID_REQUEST,
                        "Unexpected element in the SOAP Envelope: "
                        + CallerText.limit(child.getNodeName(), CallerText.MAX_VALUE));
            }
        }
        if (body == null) {
            throw new StsFault(FaultCode.INVALID_REQUEST, NO_BODY);
        }
        return new SoapEnvelope(document, header, body);
    }

    public Document document() {
        return document;
    }

    public Optional<Element> header() {
        return Optional.ofNullable(header);
    }

    public Element body() {
        return body;
    }

    /** The single element inside the Body: the request itself. */
    public Element request() {
        List<Element> children = childElements(body);
        if (children.size() != 1) {
            throw new StsFault(FaultCode.INVALID_REQUEST, EMPTY_BODY);
        }
        return children.get(0);
    }

    /** The {@code wsse:Security} header, if present; more than one is refused. */
    public Optional<Element> security() {
        if (header == null) {
            return Optional.empty();
        }
        Element found = null;
        for (Element child : childElements(header)) {
            if ("Security".equals(child.getLocalName()) && Namespaces.WSSE.equals(child.getNamespaceURI())) {
                if (found != null) {
                    throw new StsFault(FaultCode.INVALID_REQUEST, DUPLICATE_SECURITY);
                }
                found = child;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The id a caller uses to match our answer to its request: WS-Addressing {@code MessageID}
     * (OIO exchanges), else the unqualified {@code id} of {@code wsse:Security} (DGWS, protocol.md 4.1).
     */
    public Optional<String> messageId() {
        if (header != null) {
            for (Element child : childElements(header)) {
                if ("MessageID".equals(child.getLocalName())) {
                    String text = child.getTextContent().trim();
                    if (!text.isEmpty()) {
                        return Optional.of(text);
                    }
                }
            }
        }
        return security().map(s -> s.getAttribute("id")).filter(id -> !id.isEmpty());
    }

    /** The first header element {@code namespace:localName}, if the header has one. */
    public Optional<Element> header(String namespace, String localName) {
        return header == null ? Optional.empty() : child(header, namespace, localName);
    }

    /** The text of {@code wsse:Security/wsu:Timestamp/wsu:Created}, if the header has one. */
    public Optional<String> created() {
        Optional<Element> security;
        try {
            security = security();
        } catch (StsFault duplicate) {
            return Optional.empty();
        }
        return security.flatMap(s -> child(s, Namespaces.WSU, "Timestamp")).flatMap(t -> child(t, Namespaces.WSU, "Created"))
                .map(Element::getTextContent);
    }

    private static Optional<Element> child(Element parent, String namespace, String localName) {
        return childElements(parent).stream()
                .filter(e -> localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())).findFirst();
    }

    /** The element children of {@code parent}, in document order. */
    public static List<Element> childElements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) n);
            }
        }
        return elements;
    }

    private static boolean isSoap(Element element, String localName) {
        return localName.equals(element.getLocalName()) && Namespaces.SOAP11.equals(element.getNamespaceURI());
    }
}
