package dk.sosi.sts.demo.client;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardWriter;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.XmlSigner;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Thread-safe. Builds a DGWS token request the way Seal.Java sends one (protocol.md 4.1): a
 * self-signed id-card in {@code wst:Claims}. Used by the demo client and by tests as a client would.
 */
public final class DgwsRequestBuilder {

    private final IdCardWriter writer;
    private final ZoneId dgws10Zone;

    public DgwsRequestBuilder(ZoneId dgws10Zone) {
        this.dgws10Zone = Objects.requireNonNull(dgws10Zone, "dgws10Zone");
        this.writer = new IdCardWriter(dgws10Zone);
    }

    /** The request envelope with {@code card} signed by {@code key}; {@code messageId} goes in {@code wsse:Security/@id}. */
    public Document request(IdCard card, PrivateKey key, X509Certificate certificate, SignatureAlgorithm algorithm,
            String messageId, Instant now) {
        Document doc = SecureXml.newDocument();
        Element envelope = doc.createElementNS(Namespaces.SOAP11, "soapenv:Envelope");
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:soapenv", Namespaces.SOAP11);
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:wsse", Namespaces.WSSE);
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:wsu", Namespaces.WSU);
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:wst", Namespaces.WST_2005_02);
        envelope.setAttributeNS(Namespaces.XMLNS, "xmlns:wsa", Namespaces.WSA_2004_08);
        envelope.setAttribute("id", "Envelope");
        doc.appendChild(envelope);

        Element security = append(append(envelope, Namespaces.SOAP11, "soapenv:Header"), Namespaces.WSSE, "wsse:Security");
        security.setAttribute("id", messageId);
        append(append(security, Namespaces.WSU, "wsu:Timestamp"), Namespaces.WSU, "wsu:Created")
                .setTextContent(time(card.version(), now));

        Element rst = append(append(envelope, Namespaces.SOAP11, "soapenv:Body"), Namespaces.WST_2005_02, "wst:RequestSecurityToken");
        rst.setAttribute("Context", "www.sosi.dk");
        append(rst, Namespaces.WST_2005_02, "wst:TokenType").setTextContent("urn:oasis:names:tc:SAML:2.0:assertion:");
        append(rst, Namespaces.WST_2005_02, "wst:RequestType").setTextContent("http://schemas.xmlsoap.org/ws/2005/02/trust/Issue");
        Element claims = append(rst, Namespaces.WST_2005_02, "wst:Claims");
        Element assertion = writer.write(card, doc);
        claims.appendChild(assertion);
        append(append(rst, Namespaces.WST_2005_02, "wst:Issuer"), Namespaces.WSA_2004_08, "wsa:Address").setTextContent(card.issuer());
        new XmlSigner(algorithm, SlaLog.NONE).signEnveloped(assertion, "id", XmlSigner.Placement.ID_CARD, key, certificate);
        return doc;
    }

    private String time(DgwsVersion version, Instant now) {
        Instant seconds = now.truncatedTo(ChronoUnit.SECONDS);
        return version == DgwsVersion.V1_0
                ? DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(seconds.atZone(dgws10Zone))
                : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").format(seconds.atOffset(ZoneOffset.UTC));
    }

    private static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }
}
