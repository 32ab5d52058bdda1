package dk.sosi.sts.token.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * The SAML assertions of the golden vectors in ../shared/spec/vectors (exchanges.md 3.1–3.4, 5.1): NemLog-in
 * assertions, bootstrap tokens and the IDWS-H identity token, read as the exchanges will read them; runs
 * where that folder exists.
 */
class SamlAssertionVectorsSpecTest {

    static final List<String> VECTORS = List.of(
            "unsealed/assertion.xml",
            "unsealed/bootstrap-token.xml",
            "seal-java/oiosaml-examples/NemLog-in_assertion_valid_signature.xml",
            "seal-java/oiosaml-examples/NemLog-in_sha256_assertion.xml",
            "seal-java/oiosaml-examples/seal-generated-test-oiosamlassertion.xml",
            "seal-java/oiosaml-examples/test-new-nemlogin-authentication-assertion-1.xml",
            "seal-java/oiosaml-examples/test-new-nemlogin-authentication-assertion-2.xml",
            "seal-java/oiosaml-examples/test-oiosamljava-authentication-assertion.xml",
            "seal-java/idwsh-examples/IDWS-H_Identity_Token.xml");

    private static final String CPR = "dk:gov:saml:attribute:CprNumberIdentifier";
    private static final String DISCOVERY_EPR = "urn:liberty:disco:2006-08:DiscoveryEPR";

    private final SamlAssertionReader reader = new SamlAssertionReader();

    static ParsedAssertion read(String vector) throws Exception {
        Path file = Path.of(System.getProperty("sts.spec.dir"), "vectors", vector);
        try (InputStream in = Files.newInputStream(file)) {
            return new SamlAssertionReader().read(SecureXml.parse(in).getDocumentElement());
        }
    }

    private static String text(SamlAssertion assertion, String name) {
        return assertion.attribute(name).orElseThrow().firstText().orElseThrow();
    }

    static Stream<String> vectors() {
        return VECTORS.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void readWhenAnyVectorThenSignatureFoundAndIdIsItsReference(String vector) throws Exception {
        ParsedAssertion parsed = read(vector);

        Element signature = parsed.signature().orElseThrow();
        Element reference = (Element) signature.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Reference").item(0);
        assertEquals("#" + parsed.assertion().id(), reference.getAttribute("URI"));
    }

    /** The reader leaves the element as it was: the IdP's signature still verifies ("sig OK" vectors). */
    @ParameterizedTest
    @ValueSource(strings = {
            "unsealed/bootstrap-token.xml",
            "seal-java/oiosaml-examples/NemLog-in_assertion_valid_signature.xml",
            "seal-java/oiosaml-examples/NemLog-in_sha256_assertion.xml"})
    void readWhenSignedVectorThenSignatureStillVerifies(String vector) throws Exception {
        ParsedAssertion parsed = read(vector);

        new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA1, SignatureAlgorithm.RSA_SHA256))
                .verify(parsed.element(), ParsedAssertion.ID_ATTRIBUTE, TestSigningKeys.TRUST_ANY);
    }

    @Test
    void readWhenUnsealedIdpAssertionThenBearerForFmkWithStrippedValues() throws Exception {
        SamlAssertion assertion = read("unsealed/assertion.xml").assertion();

        assertEquals("pfxc64a9691-6f03-b739-ba62-497989fe073a", assertion.id());
        assertEquals(Instant.parse("2021-10-06T07:11:29Z"), assertion.issueInstant());
        assertEquals("https://fmkwebtest.trifork.netic.dk/idp/saml2/idp/metadata.php", assertion.issuer());
        assertEquals(Subject.of(NameId.of("CVR:20921897-RID:52723247", NameId.X509_SUBJECT_NAME),
                        SubjectConfirmation.bearer("https://localhost:8443/fmk/saml/SAMLAssertionConsumer",
                                Instant.parse("2021-10-06T07:16:29Z"))),
                assertion.subject());
        assertEquals(Conditions.of(Instant.parse("2021-10-06T07:10:59Z"), Instant.parse("2021-10-06T07:16:29Z"),
                "https://saml.fmk-web.common-localhost"), assertion.conditions());
        assertEquals(Optional.of(new AuthnStatement(Instant.parse("2021-10-06T07:11:29Z"),
                Optional.of("_328d22a6beeb5589f35ed782385ddb934d762f5ab4"), Optional.of(AuthnStatement.PASSWORD))),
                assertion.authnStatement());
        assertEquals(15, assertion.attributes().size());
        assertEquals(SamlAttribute.basic("urn:oid:0.9.2342.19200300.100.1.1", "CVR:20921897-RID:52723247"),
                assertion.attribute("urn:oid:0.9.2342.19200300.100.1.1").orElseThrow());
        assertEquals("certifikat@tdc.dk", text(assertion, "urn:oid:0.9.2342.19200300.100.1.3"));
        assertEquals("0501792275", text(assertion, CPR));
        assertEquals("DK-SAML-2.0", text(assertion, "dk:gov:saml:attribute:SpecVer"));
        assertTrue(text(assertion, "dk:healthcare:saml:attribute:UserAuthorizations").startsWith("PD94bWwg"));
    }

    @Test
    void readWhenUnsealedBootstrapTokenThenLegacyBearerWithoutNotBefore() throws Exception {
        SamlAssertion assertion = read("unsealed/bootstrap-token.xml").assertion();

        assertEquals("bst", assertion.id());
        assertEquals("TEST trusted IdP", assertion.issuer());
        assertEquals(Subject.of(NameId.of("C=DK,O=Ingen organisatorisk tilknytning,CN=Lars Larsen,Serial=PID:9208-2002-2-514358910503",
                        NameId.X509_SUBJECT_NAME), SubjectConfirmation.bearer("https://sosi", Instant.parse("2022-05-02T15:04:13Z"))),
                assertion.subject());
        assertEquals(new Conditions(Optional.empty(), Optional.of(Instant.parse("2022-05-02T15:04:13Z")),
                List.of("https://bootstrap.sts.nspop.dk/")), assertion.conditions());
        assertEquals(Optional.empty(), assertion.authnStatement());
        assertEquals(List.of(SamlAttribute.basic("Attribute", "3").withFriendlyName("AssuranceLevel")), assertion.attributes());
    }

    @Test
    void readWhenNemLogInAssertionThenMillisecondTimesAndBase64DiscoveryEpr() throws Exception {
        SamlAssertion assertion = read("seal-java/oiosaml-examples/NemLog-in_assertion_valid_signature.xml").assertion();

        assertEquals("https://saml.test-nemlog-in.dk/", assertion.issuer());
        assertEquals(Instant.parse("2017-03-28T10:34:05.795Z"), assertion.issueInstant());
        assertEquals(Optional.of(NameId.of("C=DK,O=LAKESIDE A/S // CVR:25450442,CN=Lakeside Test Læge,Serial=CVR:25450442-RID:27304742",
                NameId.X509_SUBJECT_NAME)), assertion.subject().nameId());
        assertEquals(Conditions.of(Instant.parse("2017-03-28T10:29:05.670Z"), Instant.parse("2017-03-28T11:29:05.670Z"),
                "https://saml.sp1.test-nemlog-in.dk/"), assertion.conditions());
        assertEquals(Instant.parse("2017-03-28T10:34:05.217Z"), assertion.authnStatement().orElseThrow().authnInstant());
        assertEquals("0205756078", text(assertion, CPR));
        assertEquals("27304742", text(assertion, "dk:gov:saml:attribute:RidNumberIdentifier"));
        assertEquals(List.of(new AttributeValue.Text("")), assertion.attribute("urn:oid:2.5.4.4").orElseThrow().values());
        SamlAttribute epr = assertion.attribute(DISCOVERY_EPR).orElseThrow();
        assertEquals(Optional.empty(), epr.nameFormat());
        assertTrue(epr.firstText().orElseThrow().startsWith("PEFzc2VydGlvbiBJRD0i"), "base64 of <Assertion ID=\"");
    }

    @Test
    void readWhenNemLogInSha256AssertionThenCitizenWithPid() throws Exception {
        SamlAssertion assertion = read("seal-java/oiosaml-examples/NemLog-in_sha256_assertion.xml").assertion();

        assertEquals(Instant.parse("2017-11-03T14:53:29.324Z"), assertion.issueInstant());
        assertEquals(List.of("https://saml.test1.fmk.netic.dk/fmk/"), assertion.conditions().audiences());
        assertEquals(new SamlAttribute(CPR, Optional.empty(), Optional.empty(), List.of(new AttributeValue.Text("0307752106"))),
                assertion.attribute(CPR).orElseThrow());
        assertEquals("9208-2002-2-526200208219", text(assertion, "dk:gov:saml:attribute:PidNumberIdentifier"));
    }

    @Test
    void readWhenSealGeneratedAssertionThenDiscoveryEprHoldsTheIdCardAsXml() throws Exception {
        SamlAssertion assertion = read("seal-java/oiosaml-examples/seal-generated-test-oiosamlassertion.xml").assertion();

        assertEquals("Test STS", assertion.issuer());
        assertEquals(List.of("http://sundhed.dk"), assertion.conditions().audiences());
        assertEquals(SubjectConfirmation.bearer("http://sundhed.dk/saml/SAMLAssertionConsumer", Instant.parse("2014-10-22T12:45:32Z")),
                assertion.subject().confirmations().get(0));
        assertEquals(SamlAttribute.basic("urn:oid:2.5.4.4", "Dampf").withFriendlyName("surName"),
                assertion.attribute("urn:oid:2.5.4.4").orElseThrow());
        assertEquals(Optional.of(""), assertion.attribute("urn:oid:0.9.2342.19200300.100.1.3").orElseThrow().firstText());
        assertEquals("1111111118", text(assertion, CPR));

        SamlAttribute epr = assertion.attribute(DISCOVERY_EPR).orElseThrow();
        assertEquals(Optional.of(SamlAttribute.URI), epr.nameFormat());
        Element endpointReference = ((AttributeValue.Xml) epr.values().get(0)).content();
        assertEquals("wsa:EndpointReference", endpointReference.getTagName());
        Element idCard = (Element) endpointReference.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
        assertEquals("TheSOSILibrary", new IdCardParser(ZoneId.of("Europe/Copenhagen")).parse(idCard).card().issuer());
    }

    @Test
    void readWhenAttributeStatementBeforeAuthnStatementThenBothRead() throws Exception {
        SamlAssertion assertion = read("seal-java/oiosaml-examples/test-new-nemlogin-authentication-assertion-1.xml").assertion();

        assertEquals(Instant.parse("2012-07-03T09:40:56.026Z"), assertion.issueInstant());
        assertEquals(SubjectConfirmation.bearer("https://remote.signaturgruppen.dk/nemlogin/unsecure/logon.ashx",
                Instant.parse("2012-07-03T09:45:56.041Z")), assertion.subject().confirmations().get(0));
        assertEquals(new AuthnStatement(Instant.parse("2012-07-03T09:40:46.104Z"), Optional.of("_30c5ecce-9108-4df2-bee2-2d1358973444"),
                Optional.of("element:urn:oasis:names:tc:SAML:2.0:ac:classes:X509")), assertion.authnStatement().orElseThrow());
        assertEquals("CVR:29915938-RID:soren", text(assertion, "urn:oid:0.9.2342.19200300.100.1.1"));
        assertEquals(12, assertion.attributes().size());
    }

    @Test
    void readWhenSecondNemLogInTestAssertionThenEmployee() throws Exception {
        SamlAssertion assertion = read("seal-java/oiosaml-examples/test-new-nemlogin-authentication-assertion-2.xml").assertion();

        assertEquals("https://saml.test-nemlog-in.dk/", assertion.issuer());
        assertEquals(List.of("https://saml.sp1.test-nemlog-in.dk/"), assertion.conditions().audiences());
        assertEquals("0310808520", text(assertion, CPR));
        assertEquals("25450442", text(assertion, "dk:gov:saml:attribute:CvrNumberIdentifier"));
    }

    @Test
    void readWhenOiosamlJavaAssertionThenLineBreaksInValuesStripped() throws Exception {
        SamlAssertion assertion = read("seal-java/oiosaml-examples/test-oiosamljava-authentication-assertion.xml").assertion();

        assertEquals("http://fmkwebtest.trifork.netic.dk/idp/saml2/idp/metadata.php", assertion.issuer());
        assertEquals(Optional.of(AuthnStatement.PASSWORD), assertion.authnStatement().orElseThrow().authnContextClassRef());
        assertEquals(List.of("http://saml.vronding/fmk-gui"), assertion.conditions().audiences());
        assertEquals("18244", text(assertion, "dk:medicinkortet:attribute:yderNummer"));
        assertEquals("0101584162", text(assertion, CPR));
    }

    @Test
    void readWhenIdwsHIdentityTokenThenHolderOfKeyByKeyNameWithoutCertificate() throws Exception {
        ParsedAssertion parsed = read("seal-java/idwsh-examples/IDWS-H_Identity_Token.xml");
        SamlAssertion assertion = parsed.assertion();

        assertEquals("_cedf1ae2-fb84-4eb6-9450-004e79e62ed9", assertion.id());
        assertEquals("http://pan.certifikat.dk/sts/services/SecurityTokenService", assertion.issuer());
        assertEquals(Subject.of(NameId.of("hans@dampf.dk", NameId.UNSPECIFIED), new SubjectConfirmation(SubjectConfirmation.HOLDER_OF_KEY,
                Optional.empty(), Optional.empty(), Optional.empty())), assertion.subject());
        assertEquals(Conditions.of(Instant.parse("2011-07-23T15:32:12Z"), Instant.parse("2011-07-23T15:37:12Z"), "http://fmk-online.dk"),
                assertion.conditions());
        assertEquals(new AuthnStatement(Instant.parse("2011-07-23T11:42:52Z"), Optional.empty(), Optional.of(AuthnStatement.X509)),
                assertion.authnStatement().orElseThrow());
        assertEquals(SamlAttribute.basic("urn:oid:2.5.4.3", "Jens Sundbye Poulsen").withFriendlyName("CommonName"),
                assertion.attribute("urn:oid:2.5.4.3").orElseThrow());
        assertEquals("7170", text(assertion, "dk:healthcare:saml:attribute:UserEducationCode"));
        assertEquals(11, assertion.attributes().size());
        assertEquals("OCESSignature", parsed.signature().orElseThrow().getAttribute("Id"));
    }
}
