package dk.sosi.sts.demo.client;

import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.token.saml.AttributeValue;
import dk.sosi.sts.token.saml.AuthnStatement;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.token.saml.SamlAssertionReader;
import dk.sosi.sts.token.saml.SamlAttribute;
import dk.sosi.sts.token.saml.Subject;
import dk.sosi.sts.token.saml.SubjectConfirmation;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Not thread-safe: one builder per token. What the Danish National Contact Point (OpenNCP's national connector) does
 * before it calls DKNCPBST2EHDSIIdws (exchanges.md 3.7 "Request"): from the eHDSI HCP assertion (the foreign health
 * professional) and TRC assertion (the Danish patient) of an OpenNCP SOAP header it builds the DK NCP bootstrap token,
 * holder-of-key to its own certificate, for the audience it wants a token to. The HCP and TRC signatures are the
 * contact point's business, not the STS's, and are not checked here.
 */
public final class DkNcpBootstrapTokenBuilder {

    public static final String HCP = "urn:ehdsi:assertions:hcp";
    public static final String TRC = "urn:ehdsi:assertions:trc";
    /** The issuance policy the contact point puts on its tokens. */
    public static final String DEFAULT_POLICY = "urn:dk:ncp:eHDSI-default";
    public static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    public static final String ISSUANCE_POLICY = "urn:dk:healthcare:saml:IssuancePolicy";
    public static final String COUNTRY_OF_TREATMENT = "urn:dk:healthcare:saml:CountryOfTreatment";
    static final String LOA = "https://data.gov.dk/concept/core/nsis/loa";
    static final String SPEC_VERSION = "urn:dk:healthcare:saml:SpecVersion";

    private final SamlAssertion hcp;
    private final SamlAssertion trc;
    private final String countryOfTreatment;
    private final String issuer;
    private String audience;
    private X509Certificate holderOfKey;
    private String issuancePolicy = DEFAULT_POLICY;
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofHours(2);
    private boolean realStsForm = true;

    private DkNcpBootstrapTokenBuilder(SamlAssertion hcp, SamlAssertion trc, String countryOfTreatment, String issuer) {
        this.hcp = hcp;
        this.trc = trc;
        this.countryOfTreatment = countryOfTreatment;
        this.issuer = issuer;
    }

    /**
     * The builder for the HCP and TRC assertions in {@code header} (an OpenNCP {@code soap:Header}, or any element
     * holding them in a {@code wsse:Security}); the country of treatment is the country of the HCP's signing certificate.
     *
     * @param issuer the contact point's name in the token's {@code saml:Issuer}
     */
    public static DkNcpBootstrapTokenBuilder fromOpenNcpHeader(Element header, String issuer) {
        Element hcp = assertion(header, HCP);
        SamlAssertionReader reader = new SamlAssertionReader();
        return new DkNcpBootstrapTokenBuilder(reader.read(hcp).assertion(), reader.read(assertion(header, TRC)).assertion(),
                country(signingCertificate(hcp)), issuer);
    }

    /** The audience the token is for, the one the request's {@code wsp:AppliesTo} names. */
    public DkNcpBootstrapTokenBuilder audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** The contact point's certificate, the one it signs the request with. */
    public DkNcpBootstrapTokenBuilder holderOfKey(X509Certificate certificate) {
        this.holderOfKey = certificate;
        return this;
    }

    public DkNcpBootstrapTokenBuilder issuancePolicy(String policy) {
        this.issuancePolicy = policy;
        return this;
    }

    /** Issued at {@code issuedAt}, valid for {@code lifetime} (negative: expired). */
    public DkNcpBootstrapTokenBuilder validity(Instant issuedAt, Duration lifetime) {
        this.issuedAt = issuedAt;
        this.lifetime = lifetime;
        return this;
    }

    /**
     * Whether coded values get {@code xsi:type="CE"} and PurposeOfUse the XSPA code system, as the contact point does
     * because the real STS refuses anything else (true, the default), or are copied as the HCP has them.
     */
    public DkNcpBootstrapTokenBuilder realStsForm(boolean realStsForm) {
        this.realStsForm = realStsForm;
        return this;
    }

    public SamlAssertion assertion() {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(holderOfKey, "holderOfKey");
        Instant issued = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        String id = "_" + UUID.randomUUID();
        NameId nameId = hcp.subject().nameId().orElseThrow(() -> new IllegalArgumentException("The HCP assertion has no NameID"));
        SamlAssertion.Builder token = SamlAssertion.builder()
                .id(id)
                .issueInstant(issued)
                .issuer(issuer)
                .subject(Subject.of(nameId, SubjectConfirmation.holderOfKey(holderOfKey)))
                .conditions(Conditions.of(issued, issued.plus(lifetime), audience))
                .authnStatement(Optional.of(new AuthnStatement(issued, Optional.of(id), Optional.of(AuthnStatement.X509))));
        hcp.attributes().stream().map(this::carried).forEach(token::addAttribute);
        String patient = trc.attributes().stream().filter(attribute -> SUBJECT_ID.equals(attribute.name())).findFirst()
                .flatMap(SamlAttribute::firstText).orElseThrow(() -> new IllegalArgumentException("The TRC assertion has no subject-id"));
        token.addAttribute(ncp(RESOURCE_ID, "XUA Patient Id", patient))
                .addAttribute(ncp(LOA, "Level of Assurance", "Substantial"))
                .addAttribute(ncp(SPEC_VERSION, "Specification Version", "eHDSI-IDWS-XUA-1.0"))
                .addAttribute(ncp(ISSUANCE_POLICY, "Issuance Policy", issuancePolicy))
                .addAttribute(ncp(COUNTRY_OF_TREATMENT, "Country of Treatment", countryOfTreatment));
        return token.build();
    }

    /** The token signed (rsa-sha256) by the contact point's {@code key}. */
    public Element signed(PrivateKey key, X509Certificate certificate) {
        return BootstrapTokenBuilder.sign(assertion(), key, certificate);
    }

    private SamlAttribute carried(SamlAttribute attribute) {
        if (!realStsForm) {
            return attribute;
        }
        List<AttributeValue> values = new ArrayList<>();
        for (AttributeValue value : attribute.values()) {
            if (value instanceof AttributeValue.Xml xml) {
                Element content = xml.content();
                if (PURPOSE_OF_USE.equals(attribute.name())) {
                    content.setAttributeNS(null, "codeSystem", "urn:oasis:names:tc:xspa:1.0");
                }
                values.add(new AttributeValue.Xml(content).withXsiType("CE"));
            } else {
                values.add(value);
            }
        }
        return new SamlAttribute(attribute.name(), attribute.nameFormat(), attribute.friendlyName(), values);
    }

    private static SamlAttribute ncp(String name, String friendlyName, String value) {
        return new SamlAttribute(name, Optional.of(SamlAttribute.URI), Optional.of(friendlyName), List.of(new AttributeValue.Text(value)));
    }

    private static Element assertion(Element header, String kind) {
        for (Node node : list(header.getElementsByTagNameNS(Namespaces.SAML, "Assertion"))) {
            Element assertion = (Element) node;
            Node issuer = assertion.getElementsByTagNameNS(Namespaces.SAML, "Issuer").item(0);
            if (issuer instanceof Element element && kind.equals(element.getAttribute("NameQualifier"))) {
                return assertion;
            }
        }
        throw new IllegalArgumentException("The header holds no assertion issued as " + kind);
    }

    private static X509Certificate signingCertificate(Element assertion) {
        Node certificate = assertion.getElementsByTagNameNS(Namespaces.DS, "X509Certificate").item(0);
        if (certificate == null) {
            throw new IllegalArgumentException("The HCP assertion carries no signing certificate");
        }
        return Certificates.fromBase64(certificate.getTextContent().replaceAll("\\s", ""))
                .orElseThrow(() -> new IllegalArgumentException("The HCP assertion's signing certificate cannot be read"));
    }

    private static String country(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> "C".equalsIgnoreCase(rdn.getType())).map(Rdn::getValue).map(String::valueOf).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The HCP signing certificate names no country"));
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("The HCP signing certificate's subject cannot be read", e);
        }
    }

    private static List<Node> list(org.w3c.dom.NodeList nodes) {
        List<Node> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add(nodes.item(i));
        }
        return list;
    }
}
