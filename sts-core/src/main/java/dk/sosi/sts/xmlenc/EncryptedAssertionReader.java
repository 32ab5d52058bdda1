package dk.sosi.sts.xmlenc;

import static dk.sosi.sts.xmlenc.XmlEnc.children;
import static dk.sosi.sts.xmlenc.XmlEnc.is;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.soap.Namespaces;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stateless. Reads a {@code saml:EncryptedAssertion} into checked parts, or refuses it, before any key is
 * touched or anything dereferenced. The rules are in {@link AssertionDecrypter}.
 */
final class EncryptedAssertionReader {

    /** Elements that make a processor fetch, transform or derive something; refused wherever they stand. */
    private static final Set<String> REFUSED = Set.of(
            "{" + Namespaces.DS + "}RetrievalMethod", "{" + Namespaces.DS + "}Transforms", "{" + Namespaces.DS + "}Transform",
            "{" + Namespaces.DS + "}XPath", "{" + XmlEnc.NS + "}CipherReference", "{" + XmlEnc.NS + "}Transforms",
            "{" + XmlEnc.NS + "}AgreementMethod", "{" + XmlEnc.NS11 + "}DerivedKey", "{" + XmlEnc.DSIG11 + "}KeyInfoReference");
    /** XSLT and XPath Filter 2.0: nothing of theirs belongs in an encrypted assertion. */
    private static final Set<String> REFUSED_NAMESPACES = Set.of(
            "http://www.w3.org/1999/XSL/Transform", "http://www.w3.org/2002/06/xmldsig-filter2");
    /** Children of an EncryptedKey that are allowed but not used. */
    private static final Set<String> IGNORED_IN_ENCRYPTED_KEY = Set.of(
            "{" + Namespaces.DS + "}KeyInfo", "{" + XmlEnc.NS + "}ReferenceList", "{" + XmlEnc.NS + "}CarriedKeyName");
    private static final int MAX_ECHO = 128;

    /**
     * The checked parts of an encrypted assertion.
     *
     * @param content     the content cipher
     * @param cipherValue IV, ciphertext and (GCM) tag; never changed
     * @param keys        the EncryptedKeys, those in {@code EncryptedData/ds:KeyInfo} first
     * @param context     the namespace bindings the decrypted element is read in (XML-Enc 4.5)
     */
    record Parts(ContentEncryption content, byte[] cipherValue, List<WrappedKey> keys, Map<String, String> context) {
    }

    private EncryptedAssertionReader() {
    }

    static Parts read(Element encryptedAssertion) throws Undecryptable {
        if (!is(encryptedAssertion, Namespaces.SAML, "EncryptedAssertion")) {
            throw new Undecryptable("the element is " + name(encryptedAssertion) + ", not saml:EncryptedAssertion");
        }
        int encryptedKeys = refuseHostile(encryptedAssertion);
        if (encryptedKeys > AssertionDecrypter.MAX_ENCRYPTED_KEYS) {
            throw new Undecryptable(encryptedKeys + " EncryptedKeys, more than " + AssertionDecrypter.MAX_ENCRYPTED_KEYS);
        }
        List<Element> children = children(encryptedAssertion);
        if (children.isEmpty() || !is(children.get(0), XmlEnc.NS, "EncryptedData")) {
            throw new Undecryptable("saml:EncryptedAssertion does not start with xenc:EncryptedData");
        }
        Element data = children.get(0);
        List<Element> keyElements = new ArrayList<>();
        List<Element> parts = children(data);
        int next = 0;
        ContentEncryption content = contentEncryption(part(parts, next++, XmlEnc.NS, "EncryptionMethod"));
        if (next < parts.size() && is(parts.get(next), Namespaces.DS, "KeyInfo")) {
            for (Element info : children(parts.get(next++))) {
                if (is(info, XmlEnc.NS, "EncryptedKey")) {
                    keyElements.add(info);
                }
            }
        }
        byte[] cipherValue = cipherValue(part(parts, next++, XmlEnc.NS, "CipherData"));
        if (next != parts.size()) {
            throw new Undecryptable("xenc:EncryptedData holds " + name(parts.get(next)) + " after its CipherData");
        }
        String type = data.getAttributeNS(null, "Type");
        if (!type.isEmpty() && !XmlEnc.TYPE_ELEMENT.equals(type)) {
            throw new Undecryptable("xenc:EncryptedData Type=" + CallerText.quote(type));
        }
        if (!content.fits(cipherValue.length)) {
            throw new Undecryptable("a CipherValue of " + cipherValue.length + " bytes cannot be " + content.shortName());
        }
        for (Element sibling : children.subList(1, children.size())) {
            if (!is(sibling, XmlEnc.NS, "EncryptedKey")) {
                throw new Undecryptable("saml:EncryptedAssertion holds " + name(sibling));
            }
            keyElements.add(sibling);
        }
        if (keyElements.isEmpty() || keyElements.size() != encryptedKeys) {
            throw new Undecryptable("EncryptedKeys: " + keyElements.size() + " where read, " + encryptedKeys + " in all");
        }
        List<WrappedKey> keys = new ArrayList<>();
        for (Element key : keyElements) {
            keys.add(wrappedKey(key));
        }
        return new Parts(content, cipherValue, List.copyOf(keys), InScopeNamespaces.at(encryptedAssertion));
    }

    /**
     * Refuses any element in {@link #REFUSED} and a second EncryptedData anywhere; returns how many
     * EncryptedKeys the subtree holds, wherever they stand.
     */
    private static int refuseHostile(Element root) throws Undecryptable {
        int encryptedData = 0;
        int encryptedKeys = 0;
        Node node = root;
        while (node != null) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                String namespace = String.valueOf(node.getNamespaceURI());
                if (REFUSED.contains("{" + namespace + "}" + node.getLocalName()) || REFUSED_NAMESPACES.contains(namespace)) {
                    throw new Undecryptable("it holds " + name(node));
                }
                if (is(node, XmlEnc.NS, "EncryptedData") && ++encryptedData > 1) {
                    throw new Undecryptable("it holds more than one xenc:EncryptedData");
                }
                if (is(node, XmlEnc.NS, "EncryptedKey")) {
                    encryptedKeys++;
                }
            }
            node = next(node, root);
        }
        return encryptedKeys;
    }

    private static ContentEncryption contentEncryption(Element method) throws Undecryptable {
        if (!children(method).isEmpty()) {
            throw new Undecryptable("the content EncryptionMethod holds " + name(children(method).get(0)));
        }
        String algorithm = algorithm(method);
        return ContentEncryption.byUri(algorithm)
                .orElseThrow(() -> new Undecryptable("content algorithm " + CallerText.quote(algorithm)));
    }

    private static WrappedKey wrappedKey(Element encryptedKey) throws Undecryptable {
        Element method = null;
        Element cipherData = null;
        for (Element part : children(encryptedKey)) {
            if (is(part, XmlEnc.NS, "EncryptionMethod") && method == null) {
                method = part;
            } else if (is(part, XmlEnc.NS, "CipherData") && cipherData == null) {
                cipherData = part;
            } else if (!IGNORED_IN_ENCRYPTED_KEY.contains("{" + part.getNamespaceURI() + "}" + part.getLocalName())) {
                throw new Undecryptable("xenc:EncryptedKey holds " + name(part));
            }
        }
        if (method == null || cipherData == null) {
            throw new Undecryptable("xenc:EncryptedKey lacks its EncryptionMethod or CipherData");
        }
        String algorithm = algorithm(method);
        KeyTransport transport = KeyTransport.byUri(algorithm)
                .orElseThrow(() -> new Undecryptable("key transport " + CallerText.quote(algorithm)));
        Element digestMethod = null;
        Element mgfMethod = null;
        Element oaepParams = null;
        for (Element parameter : children(method)) {
            if (transport.isOaep() && is(parameter, Namespaces.DS, "DigestMethod") && digestMethod == null) {
                digestMethod = parameter;
            } else if (transport.namesMgf() && is(parameter, XmlEnc.NS11, "MGF") && mgfMethod == null) {
                mgfMethod = parameter;
            } else if (transport.isOaep() && is(parameter, XmlEnc.NS, "OAEPparams") && oaepParams == null) {
                oaepParams = parameter;
            } else {
                throw new Undecryptable("the " + transport.shortName() + " EncryptionMethod holds " + name(parameter));
            }
        }
        if (!transport.isOaep()) {
            return new WrappedKey(transport, null, null, null, cipherValue(cipherData));
        }
        OaepDigest digest = digestMethod == null ? OaepDigest.SHA1 : oaepDigest(digestMethod, OaepDigest.byDigestUri(algorithm(digestMethod)));
        OaepDigest mgf = mgfMethod == null ? OaepDigest.SHA1 : oaepDigest(mgfMethod, OaepDigest.byMgfUri(algorithm(mgfMethod)));
        return new WrappedKey(transport, digest, mgf, oaepParams == null ? null : base64(oaepParams), cipherValue(cipherData));
    }

    private static OaepDigest oaepDigest(Element method, Optional<OaepDigest> known) throws Undecryptable {
        return known.orElseThrow(() -> new Undecryptable(name(method) + " Algorithm=" + CallerText.quote(algorithm(method))));
    }

    private static String algorithm(Element method) {
        return method.getAttributeNS(null, "Algorithm");
    }

    private static byte[] cipherValue(Element cipherData) throws Undecryptable {
        List<Element> values = children(cipherData);
        if (values.size() != 1 || !is(values.get(0), XmlEnc.NS, "CipherValue")) {
            throw new Undecryptable("xenc:CipherData must hold exactly one xenc:CipherValue");
        }
        byte[] value = base64(values.get(0));
        if (value.length == 0) {
            throw new Undecryptable("an empty xenc:CipherValue");
        }
        return value;
    }

    private static byte[] base64(Element element) throws Undecryptable {
        if (!children(element).isEmpty()) {
            throw new Undecryptable(name(element) + " holds elements");
        }
        String text = element.getTextContent();
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                compact.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new Undecryptable(name(element) + " is not base64");
        }
    }

    private static Element part(List<Element> parts, int index, String namespace, String localName) throws Undecryptable {
        if (index >= parts.size() || !is(parts.get(index), namespace, localName)) {
            throw new Undecryptable("xenc:EncryptedData lacks its " + localName + " where expected");
        }
        return parts.get(index);
    }

    /** The node after {@code node} in document order, staying inside {@code root}. */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node current = node; current != root; current = current.getParentNode()) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
        }
        return null;
    }

    private static String name(Node node) {
        return "{" + CallerText.limit(node.getNamespaceURI(), MAX_ECHO) + "}" + CallerText.limit(node.getLocalName(), MAX_ECHO);
    }
}
