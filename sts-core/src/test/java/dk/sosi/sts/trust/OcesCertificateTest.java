package dk.sosi.sts.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.trust.OcesCertificate.Kind;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OcesCertificateTest {

    private static final Instant NOW = Instant.now();
    private static final String UUID = "23550132-5e1f-4e43-a5f9-048acf49e0b8";

    private static CertificateAuthority ca;
    private static KeyPair leafKey;

    @BeforeAll
    static void createAuthority() {
        KeyPairSource keys = KeyPairSource.recycling(1);
        ca = CertificateAuthority.createRoot("CN=OCES CA, C=DK", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), keys);
        leafKey = keys.rsa(CertificateRequest.DEFAULT_KEY_SIZE);
    }

    /** {@code subjectDn} as RFC 2253; OCES3's organizationIdentifier has no keyword there, only its OID 2.5.4.97. */
    private static OcesCertificate read(String subjectDn) {
        X509Certificate certificate = ca.issue(CertificateRequest.builder(subjectDn, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(1))).keyPair(leafKey).build()).certificate();
        return OcesCertificate.of(certificate);
    }

    @Test
    void ofWhenOces2EmployeeThenEmployeeWithCvrAndRid() {
        OcesCertificate employee = read("CN=Karl Hansen + SERIALNUMBER=CVR:20921897-RID:46283716, O=Demo // CVR:20921897, C=DK");

        assertEquals(Kind.EMPLOYEE, employee.kind());
        assertEquals("CVR:20921897-RID:46283716", employee.subjectSerialNumber());
        assertEquals(Optional.of("20921897"), employee.cvr());
        assertEquals(Optional.of("46283716"), employee.rid());
        assertEquals(Optional.empty(), employee.uuid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CVR:20921897-FID:12345678", "CVR:20921897-UID:87654321"})
    void ofWhenOces2FunctionOrCompanyThenSystemWithCvr(String serial) {
        OcesCertificate system = read("CN=Demo system + SERIALNUMBER=" + serial + ", O=Demo // CVR:20921897, C=DK");

        assertEquals(Kind.SYSTEM, system.kind());
        assertEquals(Optional.of("20921897"), system.cvr());
        assertEquals(Optional.empty(), system.rid());
    }

    @Test
    void ofWhenPersonalCertificateThenPersonWithPidAndNoCvr() {
        OcesCertificate person = read("CN=Demo Borger + SERIALNUMBER=PID:9208-2002-2-741852963, C=DK");

        assertEquals(Kind.PERSON, person.kind());
        assertEquals(Optional.of("9208-2002-2-741852963"), person.pid());
        assertEquals(Optional.empty(), person.cvr());
    }

    @Test
    void ofWhenOces3OrganisationThenSystemWithUuidAndCvrFromOrganizationIdentifier() {
        OcesCertificate system = read("SERIALNUMBER=UI:DK-O:G:" + UUID + ", CN=Demo system, O=Demo, 2.5.4.97=NTRDK-20921897, C=DK");

        assertEquals(Kind.SYSTEM, system.kind());
        assertEquals("UI:DK-O:G:" + UUID, system.subjectSerialNumber());
        assertEquals(Optional.of("20921897"), system.cvr());
        assertEquals(Optional.of(UUID), system.uuid());
        assertEquals(Optional.empty(), system.rid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UI:DK-E:G:", "UI:DK-E:C:"})
    void ofWhenOces3EmployeeThenEmployeeWithUuidAndCvrButNoRid(String prefix) {
        OcesCertificate employee = read("SERIALNUMBER=" + prefix + UUID + ", CN=Karl Hansen, O=Demo, 2.5.4.97=NTRDK-20921897, C=DK");

        assertEquals(Kind.EMPLOYEE, employee.kind());
        assertEquals(Optional.of(UUID), employee.uuid());
        assertEquals(Optional.of("20921897"), employee.cvr());
        assertEquals(Optional.empty(), employee.rid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ", 2.5.4.97=VATDK-20921897", ", 2.5.4.97=NTRDK-2092189", ", 2.5.4.97=NTRDK-20921897x"})
    void ofWhenOces3WithoutUsableOrganizationIdentifierThenNoCvr(String organizationIdentifier) {
        OcesCertificate employee = read("SERIALNUMBER=UI:DK-E:G:" + UUID + ", CN=Karl Hansen, O=Demo" + organizationIdentifier + ", C=DK");

        assertEquals(Kind.EMPLOYEE, employee.kind());
        assertEquals(Optional.empty(), employee.cvr());
        assertEquals(Optional.of(UUID), employee.uuid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UI:DK-b9def702-0b08-4eac-8551-fb865e449883", "UI:DK-O:G:not-a-uuid", "UI:DK-X:G:" + UUID})
    void ofWhenUnknownSerialThenOther(String serial) {
        OcesCertificate other = read("SERIALNUMBER=" + serial + ", CN=Something, 2.5.4.97=NTRDK-20921897, C=DK");

        assertEquals(Kind.OTHER, other.kind());
        assertEquals(Optional.empty(), other.uuid());
    }

    @Test
    void ofWhenNoSerialNumberThenOtherWithEmptySerial() {
        OcesCertificate other = OcesCertificate.of(ca.certificate());

        assertEquals(Kind.OTHER, other.kind());
        assertEquals("", other.subjectSerialNumber());
    }
}
