package dk.sosi.sts.token.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * The cards of the golden messages in ../shared/spec/vectors (protocol.md 10), read as clients send
 * them and as the national STS answers; runs where that folder exists.
 */
class IdCardVectorsSpecTest {

    private final IdCardParser parser = new IdCardParser(ZoneId.of("Europe/Copenhagen"));

    private static ParsedIdCard read(IdCardParser parser, String vector) throws Exception {
        Path file = Path.of(System.getProperty("sts.spec.dir"), "vectors", vector);
        try (InputStream in = Files.newInputStream(file)) {
            Element card = (Element) SecureXml.parse(in).getElementsByTagNameNS(Namespaces.SAML, "Assertion").item(0);
            return parser.parse(card);
        }
    }

    private ParsedIdCard read(String vector) throws Exception {
        return read(parser, vector);
    }

    @Test
    void parseWhenSealLevel3SystemRequestThenDgws10SystemCard() throws Exception {
        ParsedIdCard parsed = read("seal-java/stslevel3request.xml");

        IdCard card = parsed.card();
        assertEquals("testissuer", card.issuer());
        assertEquals(new NameId("medcom:itsystemname", "SOSITEST"), card.nameId());
        assertEquals(Instant.parse("2006-08-31T13:36:53Z"), card.issueInstant(), "15:36:53 summer time in Copenhagen");
        assertEquals(Instant.parse("2006-08-31T13:36:53Z"), card.notBefore());
        assertEquals(Instant.parse("2006-09-01T13:41:53Z"), card.notOnOrAfter());
        assertEquals("FoBCkUmm514Gr9Z/XAm3eg==", card.idCardId());
        assertEquals(DgwsVersion.V1_0, card.version());
        assertEquals(IdCardType.SYSTEM, card.type());
        assertEquals(3, card.authenticationLevel());
        assertEquals(Optional.of("3PqinWie9060qTDZFpbI7x4V75w="), card.ocesCertHash());
        assertEquals(Optional.empty(), card.userLog());
        assertEquals(new SystemLog("SOSITEST", "medcom:cvrnumber", "orgCVR", "orgName"), card.systemLog());
        assertEquals(Optional.empty(), card.usernameToken());
        assertEquals("OCESSignature", parsed.signature().orElseThrow().getAttribute("id"));
    }

    @Test
    void parseWhenSealLevel4UserRequestThenDgws10UserCard() throws Exception {
        IdCard card = read("seal-java/stslevel4request.xml").card();

        assertEquals(new NameId("medcom:cprnumber", "2601610143"), card.nameId());
        assertEquals(Instant.parse("2006-08-31T13:29:53Z"), card.issueInstant());
        assertEquals("QFn9t9t01F/j78YqUiBWVA==", card.idCardId());
        assertEquals(IdCardType.USER, card.type());
        assertEquals(4, card.authenticationLevel());
        assertEquals(Optional.of(new UserLog(Optional.of("2601610143"), "Peter", "Buus",
                Optional.of("peter@signaturgruppen.dk"), "nurse", Optional.of("2101"), Optional.empty())), card.userLog());
    }

    @ParameterizedTest
    @CsvSource({"seal-java/stslevel3request.xml,seal-java/stslevel3response.xml",
            "seal-java/stslevel4request.xml,seal-java/stslevel4response.xml"})
    void parseWhenSealResponseThenSameCardAsTheRequestDespiteIndentedValues(String request, String response) throws Exception {
        assertEquals(read(request).card(), read(response).card());
    }

    @Test
    void parseWhenUnsealedRequestThenDgws101Level4UserCard() throws Exception {
        IdCard card = read("unsealed/sts-request-1.xml").card();

        assertEquals("TheSOSILibrary", card.issuer());
        assertEquals(Instant.parse("2020-04-04T09:41:32Z"), card.issueInstant());
        assertEquals(Instant.parse("2020-04-05T09:41:32Z"), card.notOnOrAfter());
        assertEquals(DgwsVersion.V1_0_1, card.version());
        assertEquals(Optional.of(new UserLog(Optional.of("0501792275"), "Lars Larsen", "Larsen",
                Optional.of("Lars Larsen@nsi.dk"), "7170", Optional.empty(), Optional.of("Læge"))), card.userLog());
        assertEquals(new SystemLog("Kom Godt i Gang Guider", "medcom:cvrnumber", "20921897", "Statens Serum Institut"),
                card.systemLog());
    }

    @Test
    void parseWhenNationalStsResponseThenStsCardWithCertificateNameId() throws Exception {
        IdCard card = read("unsealed/sts-response-1.xml").card();

        assertEquals("TEST1-NSP-STS", card.issuer());
        assertEquals("medcom:other", card.nameId().format());
        assertEquals("SubjectDN={CN=Lars Larsen + SERIALNUMBER=CVR:20921897-RID:52723247, O=TRIFORK A/S // CVR:20921897, C=DK},"
                + "IssuerDN={CN=TRUST2408 Systemtest XXII CA, O=TRUST2408, C=DK},CertSerial={1537885084}", card.nameId().value());
        assertEquals(Instant.parse("2020-04-01T13:37:48Z"), card.notBefore());
        assertEquals(Instant.parse("2020-04-02T13:37:48Z"), card.notOnOrAfter());
        assertEquals("j6AycAqUjwqPB2SIehdgew==", card.idCardId());
        assertEquals(Optional.of("fWnwGlZ+b73DMkNIb2I7rzx5YJ8="), card.ocesCertHash());
        assertEquals(Optional.of(new UserLog(Optional.of("0501792275"), "Lars", "Larsen", Optional.of("min.email@adatatest.com"),
                "7170", Optional.of("J0184"), Optional.of("Overtester"))), card.userLog());
    }

    @Test
    void parseWhenSeal2625OrganisationRequestThenLevel3SystemCard() throws Exception {
        IdCard card = read("ehdsi/seal-to-sts-organization-request.xml").card();

        assertEquals("SealJava-2.6.25-TheSOSILibrary", card.issuer());
        assertEquals(new NameId("medcom:cvrnumber", "33257872"), card.nameId());
        assertEquals(Instant.parse("2025-08-26T13:47:44Z"), card.issueInstant());
        assertEquals(IdCardType.SYSTEM, card.type());
        assertEquals(3, card.authenticationLevel());
        assertEquals(new SystemLog("Service Consumer Test", "medcom:cvrnumber", "33257872", "Sundhedsdatastyrelsen"),
                card.systemLog());
    }

    /**
     * Real signatures pass every structural check and reach the cryptography (the "shape" vectors were
     * reformatted, so they no longer verify); Seal's templates carry placeholder certificates.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unsealed/sts-request-1.xml|The id-card signature is invalid",
            "unsealed/sts-response-1.xml|The id-card signature is invalid",
            "ehdsi/seal-to-sts-organization-request.xml|The id-card signature is invalid",
            "seal-java/stslevel3request.xml|The ds:X509Certificate of the id-card signature is not a valid X.509 certificate",
            "seal-java/stslevel4request.xml|The ds:X509Certificate of the id-card signature is not a valid X.509 certificate"})
    void verifyWhenGoldenCardThenRefusedOnlyForTheExpectedReason(String vector, String expected) throws Exception {
        ParsedIdCard parsed = read(vector);
        EnvelopedSignatureVerifier verifier =
                new EnvelopedSignatureVerifier(Set.of(SignatureAlgorithm.RSA_SHA1, SignatureAlgorithm.RSA_SHA256));

        StsFault fault = assertThrows(StsFault.class, () -> verifier.verify(parsed.element(), parsed.idAttribute(), TestSigningKeys.TRUST_ANY));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals(expected, fault.getMessage());
        assertTrue(parsed.signature().isPresent());
    }
}
