package dk.sosi.sts.exchange.bst2sosi;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.saml.AttributeValue;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.xml.Base64Text;
import dk.sosi.sts.xml.MalformedXmlException;
import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stateless. The privileges a SEB bootstrap token (OIOH2BST) grants, from its
 * {@code dk:gov:saml:attribute:Privileges_intermediate}: a base64 {@code bpp:PrivilegeList} (OIO Basic Privilege
 * Profile) of {@code PrivilegeGroup Scope="…"} elements, each holding {@code Privilege}s. Parsed with
 * {@link SecureXml}'s limits; group and privilege elements are matched by local name, as profile versions
 * differ in whether they are qualified.
 */
final class PrivilegeList {

    static final String NAMESPACE = "http://itst.dk/oiosaml/basic_privilege_profile";
    /** The scope of an organisation's privileges; the CVR follows. */
    static final String CVR_SCOPE = "urn:dk:gov:saml:cvrNumberIdentifier:";
    static final String MALFORMED = "The bootstrap token's " + BootstrapTokenProfile.Oiosaml2.PRIVILEGES
            + " is not a base64 bpp:PrivilegeList";

    private PrivilegeList() {
    }

    /** The privileges {@code attribute} grants at the organisation {@code cvr}. */
    static Set<String> at(SamlAttribute attribute, String cvr) {
        Set<String> privileges = new HashSet<>();
        for (AttributeValue value : attribute.values()) {
            Element list = value instanceof AttributeValue.Text text ? parsed(text.value()) : ((AttributeValue.Xml) value).content();
            if (!"PrivilegeList".equals(list.getLocalName()) || !NAMESPACE.equals(list.getNamespaceURI())) {
                throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, MALFORMED);
            }
            for (Element group : children(list, "PrivilegeGroup")) {
                if ((CVR_SCOPE + cvr).equals(group.getAttributeNS(null, "Scope").trim())) {
                    children(group, "Privilege").forEach(privilege -> privileges.add(privilege.getTextContent().trim()));
                }
            }
        }
        return privileges;
    }

    private static Element parsed(String base64) {
        try {
            byte[] xml = Base64.getDecoder().decode(Base64Text.compact(base64));
            return SecureXml.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (IllegalArgumentException | MalformedXmlException e) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, MALFORMED);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
