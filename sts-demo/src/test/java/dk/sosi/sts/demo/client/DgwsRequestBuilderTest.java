package dk.sosi.sts.demo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardType;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.EnvelopedSignatureVerifier;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DgwsRequestBuilderTest {

    private static IssuedCredential system;

    @BeforeAll
    static void pki() {
        Instant now = Instant.now();
        CertificateAuthority root = CertificateAuthority.createRoot("CN=Root, C=DK", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        system = root.issue(CertificateRequest.builder("CN=System + SERIALNUMBER=CVR:11111111-FID:1, C=DK",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void requestWhenSerialisedAndParsedAgainThenCardSignatureVerifies(SignatureAlgorithm algorithm) throws Exception {
        Instant now = Instant.now();
        IdCard card = IdCard.builder().issuer("Test").nameId(new NameId("medcom:cvrnumber", "11111111"))
                .issueInstant(now).notBefore(now).notOnOrAfter(now.plus(Duration.ofHours(1))).idCardId("x")
                .version(DgwsVersion.V1_0_1).type(IdCardType.SYSTEM).authenticationLevel(3).ocesCertHash(Optional.empty())
                .userLog(Optional.empty()).systemLog(new SystemLog("EPJ", "medcom:cvrnumber", "11111111", "Org"))
                .usernameToken(Optional.empty()).build();

        Document request = new DgwsRequestBuilder(ZoneId.of("Europe/Copenhagen"))
                .request(card, system.privateKey(), system.certificate(), algorithm, "m", now);
        Document parsed = SecureXml.parse(new ByteArrayInputStream(SecureXml.toBytes(request)));

        Element assertion = (Element) parsed.getElementsByTagNameNS(Namespaces.SAML, "Assertion").item(0);
        assertEquals(system.certificate(),
                new EnvelopedSignatureVerifier(EnumSet.allOf(SignatureAlgorithm.class)).verify(assertion, "id", TestSigningKeys.TRUST_ANY));
    }
}
