package dk.sosi.sts.token.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateInfoTest {

    /** The form of a real test card (Seal's generated OIOSAML example). */
    private static final String SEAL_EXAMPLE = "SubjectDN={CN=Mike validMOCES + SERIALNUMBER=CVR:19343634-RID:1165813849809, "
            + "O=JERNALDERBYENS VENNER // CVR:19343634, C=DK},IssuerDN={CN=TDC OCES Systemtest CA II, O=TDC, C=DK},"
            + "CertSerial={1077429787}";

    @Test
    void parseWhenWrittenByTheDgwsServiceThenTheSameCertificateNames() {
        IssuedCredential employee = TestSigningKeys.employee();
        CertificateInfo written = CertificateInfo.of(employee.certificate());

        CertificateInfo read = CertificateInfo.parse(written.text()).orElseThrow();

        assertEquals(written, read);
        assertEquals(Optional.of("CVR:20921897-RID:46283716"), CertificateNames.attribute(read.subject(), "2.5.4.5"));
        assertTrue(written.text().startsWith("SubjectDN={CN=Karl Hansen + SERIALNUMBER=CVR:20921897-RID:46283716,"), written.text());
    }

    @Test
    void parseWhenSealsExampleThenSubjectIssuerAndDecimalSerial() {
        CertificateInfo read = CertificateInfo.parse(SEAL_EXAMPLE).orElseThrow();

        assertEquals(Optional.of("Mike validMOCES"), CertificateNames.attribute(read.subject(), "2.5.4.3"));
        assertEquals(Optional.of("TDC OCES Systemtest CA II"), CertificateNames.attribute(read.issuer(), "2.5.4.3"));
        assertEquals(new BigInteger("1077429787"), read.serialNumber());
        assertEquals("4038461b", read.serialNumber().toString(16));
    }

    @Test
    void parseWhenNotCertificateInfoThenEmpty() {
        assertEquals(Optional.empty(), CertificateInfo.parse("0101701234"));
        assertEquals(Optional.empty(), CertificateInfo.parse("SubjectDN={not a DN ===},IssuerDN={CN=x},CertSerial={1}"));
        assertEquals(Optional.empty(), CertificateInfo.parse("SubjectDN={CN=x},IssuerDN={CN=y},CertSerial={12ab}"));
    }
}
