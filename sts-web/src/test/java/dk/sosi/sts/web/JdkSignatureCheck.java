package dk.sosi.sts.web;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Verifies a card's or assertion's enveloped signature with the JDK's own XML DSig, independent of the STS's Santuario code. */
final class JdkSignatureCheck {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private JdkSignatureCheck() {
    }

    /** True when {@code assertion}'s ds:Signature verifies with the certificate in its KeyInfo; returns that certificate. */
    static X509Certificate verify(Element assertion) throws Exception {
        assertion.setIdAttribute(assertion.hasAttribute("ID") ? "ID" : "id", true); // SAML 2.0 ID, id-card id
        NodeList signatures = assertion.getElementsByTagNameNS(DS, "Signature");
        Element signature = (Element) signatures.item(0);
        String base64 = ((Element) signature.getElementsByTagNameNS(DS, "X509Certificate").item(0)).getTextContent();
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signature);
        // The STS signs with rsa-sha1 because the Seal.Java schema allows nothing else; the JDK needs leave for it.
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        if (!xmlSignature.validate(context)) {
            throw new AssertionError("The STS signature does not verify");
        }
        return certificate;
    }
}
