package dk.sosi.sts.exchange.ehdsi;

import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.identity.IdentifierFormats;
import dk.sosi.sts.token.saml.AttributeValue;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Stateless. What DKNCPBST2EHDSIIdws reads in, and writes out of, the attributes of a DK NCP bootstrap token
 * (exchanges.md 3.7): the patient's CPR, the issuance policy, and the HCP attributes carried over to the eHDSI IDWS XUA
 * token. Contact points send coded values in two forms, with and without {@code xsi:type="CE"} and with the eHDSI or
 * the XSPA code system for PurposeOfUse; both are accepted (OQ-23), and the token carries the form the real STS
 * demands: {@code xsi:type="CE"} on every coded value and the XSPA code system.
 */
public final class XuaAttributes {

    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    public static final String ISSUANCE_POLICY = "urn:dk:healthcare:saml:IssuancePolicy";
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    /** The code system of PurposeOfUse in the tokens the real STS issues. */
    public static final String XSPA_CODE_SYSTEM = "urn:oasis:names:tc:xspa:1.0";
    /** The eHDSI value-set id some contact points send as PurposeOfUse's code system. */
    public static final String EHDSI_PURPOSE_OF_USE_CODE_SYSTEM = "3bc18518-d305-46c2-a8d6-94bd59856e9e";
    /** The HL7 data type of coded values. */
    public static final String CODED_VALUE_TYPE = "CE";
    /** The OID of the Danish CPR register, the assigning authority of a Danish patient id. */
    public static final String CPR_ROOT = "1.2.208.176.1.2";
    /** The eHDSI purposes of use. */
    static final Set<String> PURPOSES = Set.of("TREATMENT", "EMERGENCY");

    /** An HL7 CX patient id, {@code <id>^^^&<root>&ISO}. */
    private static final Pattern PATIENT_ID = Pattern.compile("([^^&]*)\\^\\^\\^&([^&]+)&ISO");

    static final String NO_PATIENT = "The DK NCP bootstrap token names no patient: it has no " + RESOURCE_ID;
    /** Value. */
    static final String NOT_A_CPR = "The DK NCP bootstrap token's patient id %s is not a Danish CPR number: write <cpr>^^^&"
            + CPR_ROOT + "&ISO";
    static final String NO_POLICY = "The DK NCP bootstrap token has no " + ISSUANCE_POLICY;
    /** Code. */
    static final String UNKNOWN_PURPOSE = "The DK NCP bootstrap token's PurposeOfUse %s is neither TREATMENT nor EMERGENCY";

    private XuaAttributes() {
    }

    /** The patient's CPR number from {@code resource-id}; {@code wst:InvalidSecurityToken} unless it is one. */
    public static String patientCpr(SamlAssertion bst) {
        String id = text(bst, RESOURCE_ID).orElseThrow(() -> new StsFault(FaultCode.INVALID_SECURITY_TOKEN, NO_PATIENT));
        Matcher cx = PATIENT_ID.matcher(id);
        if (!cx.matches() || !CPR_ROOT.equals(cx.group(2)) || !IdentifierFormats.CPR.matcher(cx.group(1)).matches()) {
            throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(NOT_A_CPR, CallerText.quote(id)));
        }
        return cx.group(1);
    }

    /** The token's {@code IssuancePolicy}; {@code wst:FailedAuthentication} when it has none. */
    public static String issuancePolicy(SamlAssertion bst) {
        return text(bst, ISSUANCE_POLICY).orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION, NO_POLICY));
    }

    /**
     * The bootstrap token's attributes as the XUA token carries them, in their order: {@code IssuancePolicy} replaced by
     * {@code stsPolicy} (Name, NameFormat and FriendlyName kept), coded values in the real STS's form, the rest as they
     * are. {@code wst:InvalidSecurityToken} for a PurposeOfUse eHDSI does not know.
     */
    public static List<SamlAttribute> forToken(List<SamlAttribute> attributes, String stsPolicy) {
        return attributes.stream().map(attribute -> ISSUANCE_POLICY.equals(attribute.name())
                ? new SamlAttribute(attribute.name(), attribute.nameFormat(), attribute.friendlyName(),
                        List.of(new AttributeValue.Text(stsPolicy)))
                : new SamlAttribute(attribute.name(), attribute.nameFormat(), attribute.friendlyName(),
                        attribute.values().stream().map(value -> coded(attribute.name(), value)).toList())).toList();
    }

    private static AttributeValue coded(String attributeName, AttributeValue value) {
        if (!(value instanceof AttributeValue.Xml xml)) {
            return value;
        }
        Element content = xml.content();
        if (PURPOSE_OF_USE.equals(attributeName)) {
            String code = content.getAttribute("code");
            if (!PURPOSES.contains(code)) {
                throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN, String.format(UNKNOWN_PURPOSE, CallerText.quote(code)));
            }
            if (EHDSI_PURPOSE_OF_USE_CODE_SYSTEM.equals(content.getAttribute("codeSystem"))) {
                content.setAttributeNS(null, "codeSystem", XSPA_CODE_SYSTEM);
            }
        }
        return new AttributeValue.Xml(content).withXsiType(CODED_VALUE_TYPE);
    }

    private static Optional<String> text(SamlAssertion bst, String name) {
        return bst.attributes().stream().filter(attribute -> name.equals(attribute.name())).findFirst()
                .flatMap(SamlAttribute::firstText).map(String::strip).filter(value -> !value.isEmpty());
    }
}
