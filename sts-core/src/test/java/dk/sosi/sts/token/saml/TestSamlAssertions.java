package dk.sosi.sts.token.saml;

import dk.sosi.sts.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Stateless. Builders of valid assertions for tests, to be tweaked per test (exchanges.md 3.1 and 3.4 shapes). */
public final class TestSamlAssertions {

    /** 2024-03-01T10:15:30Z. */
    public static final Instant ISSUED = Instant.parse("2024-03-01T10:15:30Z");
    public static final String STS = "https://sts.sosi.dk/";
    public static final String FMK = "https://fmk";

    private TestSamlAssertions() {
    }

    /** The least an assertion holds: ID, IssueInstant and Issuer. */
    public static SamlAssertion.Builder minimal() {
        return SamlAssertion.builder().id("_minimal").issueInstant(ISSUED).issuer(STS);
    }

    /** An OIOSAML assertion as Sosi2OIOSaml issues it (exchanges.md 3.1): bearer, one audience, X509 authentication. */
    public static SamlAssertion.Builder oioSamlAssertion() {
        return SamlAssertion.builder()
                .id("_8c1f9f5e-6f1a-4a8e-9d3a-0e2b7c9d1a11")
                .issueInstant(ISSUED)
                .issuer(STS)
                .subject(Subject.of(NameId.of("C=DK,O=Lægehuset // CVR:20921897,CN=Lars Larsen,Serial=CVR:20921897-RID:52723247",
                                NameId.X509_SUBJECT_NAME),
                        SubjectConfirmation.bearer("https://fmk/saml/SAMLAssertionConsumer", ISSUED.plus(5, ChronoUnit.MINUTES))))
                .conditions(Conditions.of(ISSUED.minus(5, ChronoUnit.MINUTES), ISSUED.plus(8, ChronoUnit.HOURS), FMK))
                .authnStatement(Optional.of(new AuthnStatement(ISSUED.minus(1, ChronoUnit.HOURS),
                        Optional.of("_8c1f9f5e-6f1a-4a8e-9d3a-0e2b7c9d1a11"), Optional.of(AuthnStatement.X509))))
                .addAttribute(SamlAttribute.basic("urn:oid:2.5.4.4", "Larsen").withFriendlyName("surName"))
                .addAttribute(SamlAttribute.basic("urn:oid:2.5.4.3", "Lars Larsen").withFriendlyName("CommonName"))
                .addAttribute(SamlAttribute.basic("urn:oid:0.9.2342.19200300.100.1.3", "").withFriendlyName("email"))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:AssuranceLevel", "3"))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0"))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:CprNumberIdentifier", "0501792275"));
    }

    /** An IDWS identity token (exchanges.md 3.4): holder-of-key with {@code wsc}'s certificate, for audience FMK. */
    public static SamlAssertion.Builder identityToken(X509Certificate wsc) {
        Instant notOnOrAfter = ISSUED.plus(8, ChronoUnit.HOURS);
        return SamlAssertion.builder()
                .id("_0b5a3c2e-1d4f-4e6a-8b9c-7d2e1f0a3b4c")
                .issueInstant(ISSUED)
                .issuer(STS)
                .subject(Subject.of(NameId.of("dk:gov:saml:attribute:CprNumberIdentifier:0501792275", NameId.PERSISTENT),
                        SubjectConfirmation.holderOfKey(wsc, FMK, notOnOrAfter)))
                .conditions(Conditions.of(ISSUED, notOnOrAfter, FMK))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:SpecVer", "DK-SAML-2.0"))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:AssuranceLevel", "3"))
                .addAttribute(SamlAttribute.basic("dk:gov:saml:attribute:CprNumberIdentifier", "0501792275"));
    }

    /** A Liberty DiscoveryEPR attribute whose value is a {@code wsa:EndpointReference} holding a small id-card. */
    public static SamlAttribute discoveryEpr() {
        Element epr = xml("""
                <wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing" \
                xmlns:disco="urn:liberty:disco:2006-08" xmlns:sec="urn:liberty:security:2006-08">\
                <wsa:Address>http://sosi.dk/sts</wsa:Address><wsa:Metadata>\
                <disco:Abstract>A SOSI idcard</disco:Abstract><disco:ServiceType>dk:sosi:1-0-1</disco:ServiceType>\
                <disco:ProviderID>http://sosi.dk/sts</disco:ProviderID><disco:SecurityContext>\
                <disco:SecurityMechID>urn:liberty:security:2006-08:TLS:SAMLV2</disco:SecurityMechID>\
                <sec:Token Usage="urn:liberty:security:tokenusage:2006-08:SecurityToken">\
                <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" id="IDCard" Version="2.0">
                  <saml:Issuer>TheSOSILibrary</saml:Issuer>
                </saml:Assertion></sec:Token></disco:SecurityContext></wsa:Metadata></wsa:EndpointReference>""");
        return new SamlAttribute("urn:liberty:disco:2006-08:DiscoveryEPR", Optional.of(SamlAttribute.URI), Optional.empty(),
                List.of(new AttributeValue.Xml(epr)));
    }

    /** The document element of {@code text}. */
    public static Element xml(String text) {
        try {
            return SecureXml.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code node} serialised as the STS sends it. */
    public static String serialised(Node node) {
        return new String(SecureXml.toBytes(node), StandardCharsets.UTF_8);
    }
}
