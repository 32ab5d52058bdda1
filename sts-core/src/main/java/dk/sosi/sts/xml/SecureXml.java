package dk.sosi.sts.xml;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Thread-safe. The only way the STS turns bytes into DOM and back. The parser refuses DOCTYPEs
 * outright (no external entities, no entity expansion, no external DTD), limits nesting depth and
 * never reaches the network; there is no switch to turn that off.
 */
public final class SecureXml {

    /** Deeper than any legitimate SOAP message the STS takes (an OIO request nests about 15). */
    public static final int MAX_ELEMENT_DEPTH = 100;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {
    }

    /** Parses {@code in} as namespace-aware XML. */
    public static Document parse(InputStream in) throws MalformedXmlException {
        DocumentBuilder builder = BUILDERS.get();
        try {
            return builder.parse(new InputSource(in));
        } catch (SAXParseException e) {
            throw new MalformedXmlException("line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new MalformedXmlException(String.valueOf(e.getMessage()), e);
        } finally {
            builder.reset();
            harden(builder); // reset() also drops our entity resolver and error handler
        }
    }

    /** A new, empty namespace-aware document. */
    public static Document newDocument() {
        return BUILDERS.get().newDocument();
    }

    /** Serialises {@code node} as UTF-8 without an XML declaration and without re-indenting. */
    public static byte[] toBytes(Node node) {
        return Utf8XmlWriter.write(node);
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            harden(builder);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser cannot be hardened", e);
        }
    }

    private static void harden(DocumentBuilder builder) {
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("External entities are not allowed: " + systemId);
        });
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a message invalid
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", MAX_ELEMENT_DEPTH);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("The JDK XML parser cannot be hardened", e);
        }
        return factory;
    }
}
