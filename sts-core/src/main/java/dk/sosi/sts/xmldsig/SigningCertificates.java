package dk.sosi.sts.xmldsig;

import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.soap.Namespaces;
import java.security.cert.X509Certificate;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Stateless, thread-safe. The key selector: the certificate a {@code ds:KeyInfo} names, as the deployed
 * clients put it there: one {@code ds:X509Data/ds:X509Certificate} (all known clients), or, for a message
 * signature, a {@code wsse:SecurityTokenReference/wsse:Reference} to an X.509 {@code wsse:BinarySecurityToken}
 * of the same {@code wsse:Security} header (WS-Security stacks; exchanges.md 2.4). Base64 may hold line breaks.
 */
final class SigningCertificates {

    static final String X509_V3 =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";

    private SigningCertificates() {
    }

    /** The one {@code ds:X509Certificate} anywhere in {@code keyInfo}. */
    static X509Certificate fromX509Data(Element keyInfo, String subject) {
        List<Element> certificates = Dom.descendants(keyInfo, Namespaces.DS, "X509Certificate");
        if (certificates.size() != 1) {
            throw SignatureVerifier.refused(String.format(SignatureVerifier.CERTIFICATE_COUNT, subject));
        }
        return decode(certificates.get(0).getTextContent(), subject);
    }

    /** {@link #fromX509Data}, or the binary security token of {@code security} that a token reference names. */
    static X509Certificate fromKeyInfo(Element keyInfo, Element security, String subject) {
        List<Element> references = Dom.descendants(keyInfo, Namespaces.WSSE, "SecurityTokenReference");
        if (references.isEmpty()) {
            return fromX509Data(keyInfo, subject);
        }
        List<Element> pointers = Dom.descendants(references.get(0), Namespaces.WSSE, "Reference");
        String uri = references.size() == 1 && pointers.size() == 1 ? pointers.get(0).getAttributeNS(null, "URI") : "";
        for (Element token : Dom.children(security)) {
            if (Dom.is(token, Namespaces.WSSE, "BinarySecurityToken") && uri.equals("#" + Ids.of(token))
                    && X509_V3.equals(token.getAttributeNS(null, "ValueType"))) {
                return decode(token.getTextContent(), subject);
            }
        }
        throw SignatureVerifier.refused(String.format(SignatureVerifier.CERTIFICATE_COUNT, subject));
    }

    private static X509Certificate decode(String base64, String subject) {
        return Certificates.fromBase64(base64).orElseThrow(
                () -> SignatureVerifier.refused(String.format(SignatureVerifier.UNREADABLE_CERTIFICATE, subject)));
    }
}
