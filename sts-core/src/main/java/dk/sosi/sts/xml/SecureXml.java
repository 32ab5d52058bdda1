package dk.sosi.sts.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * outright (no external entities, no entity expansion, no external DTD), never reaches the network,
 * and bounds what a message may cost to parse: nesting depth, attributes per element (namespace
 * declarations included) and namespace declarations per document, whose bookkeeping is what makes a
 * large document of them expensive. There is no switch to turn any of that off.
 */
public final class SecureXml {

    /** Deeper than any legitimate SOAP message the STS takes (an OIO request nests about 15). */
    public static final int MAX_ELEMENT_DEPTH = 100;
    /** More than any element of a legitimate message carries (a SOAP Envelope declares about 12 namespaces). */
    public static final int MAX_ATTRIBUTES_PER_ELEMENT = 64;
    /** More than a legitimate message declares in all (a signed OIO request with its tokens: about 60). */
    public static final int MAX_NAMESPACE_DECLARATIONS = 256;

    /** Builders kept for reuse (building one costs more than a small parse). */
    private static final int IDLE_BUILDERS = 64;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();
    /**
     * Idle builders, shared rather than one per thread: a thread-local builder holds this class (through
     * its handlers) on a container's long-lived request threads, and so keeps an undeployed application loaded.
     */
    private static final BlockingQueue<DocumentBuilder> BUILDERS = new ArrayBlockingQueue<>(IDLE_BUILDERS);

    private SecureXml() {
    }

    /** Parses {@code in} as namespace-aware XML, its encoding read from the XML declaration (UTF-8 without one). */
    public static Document parse(InputStream in) throws MalformedXmlException {
        return parse(new InputSource(new NamespaceDeclarationLimit(in)));
    }

    /** Parses {@code in} as namespace-aware XML in {@code encoding}, e.g. the charset its HTTP Content-Type names. */
    public static Document parse(InputStream in, Charset encoding) throws MalformedXmlException {
        InputSource source = new InputSource(new NamespaceDeclarationLimit(in));
        source.setEncoding(encoding.name());
        return parse(source);
    }

    private static Document parse(InputSource source) throws MalformedXmlException {
        DocumentBuilder builder = borrow();
        try {
            return builder.parse(source);
        } catch (SAXParseException e) {
            throw new MalformedXmlException("line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new MalformedXmlException(String.valueOf(e.getMessage()), e);
        } finally {
            builder.reset();
            harden(builder); // reset() also drops our entity resolver and error handler
            BUILDERS.offer(builder);
        }
    }

    /** A new, empty namespace-aware document. */
    public static Document newDocument() {
        DocumentBuilder builder = borrow();
        try {
            return builder.newDocument();
        } finally {
            BUILDERS.offer(builder);
        }
    }

    private static DocumentBuilder borrow() {
        DocumentBuilder idle = BUILDERS.poll();
        return idle != null ? idle : newBuilder();
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
            factory.setAttribute("jdk.xml.elementAttributeLimit", MAX_ATTRIBUTES_PER_ELEMENT);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("The JDK XML parser cannot be hardened", e);
        }
        return factory;
    }

    /**
     * Counts {@code xmlns} as the bytes pass to the parser and stops the parse past
     * {@link #MAX_NAMESPACE_DECLARATIONS}. Counting the ASCII bytes over-counts at worst (the word in
     * text), which only matters to a message that is not legitimate anyway.
     */
    private static final class NamespaceDeclarationLimit extends FilterInputStream {

        private static final byte[] XMLNS = {'x', 'm', 'l', 'n', 's'};
        private int matched;
        private int declarations;

        NamespaceDeclarationLimit(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                count(buffer[i]);
            }
            return n;
        }

        private void count(byte b) throws IOException {
            matched = b == XMLNS[matched] ? matched + 1 : (b == XMLNS[0] ? 1 : 0);
            if (matched == XMLNS.length) {
                matched = 0;
                if (++declarations > MAX_NAMESPACE_DECLARATIONS) {
                    throw new IOException("the message declares more than " + MAX_NAMESPACE_DECLARATIONS + " namespaces");
                }
            }
        }
    }
}
