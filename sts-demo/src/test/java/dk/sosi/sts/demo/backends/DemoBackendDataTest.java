package dk.sosi.sts.demo.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.backend.authorization.Authorization;
import dk.sosi.sts.demo.DemoClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoBackendDataTest {

    @Test
    void ensureWhenFileMissingThenWritesTheDocumentedDefault(@TempDir Path folder) throws Exception {
        DemoBackendData data = DemoBackendData.ensure(folder);

        String text = Files.readString(folder.resolve(DemoBackendData.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(text.contains("# Karl Hansen, employee of Demo Lægehus"), text);
        assertTrue(text.contains("cvr-rid.20921897.46283716 = 0101701234"), text);
        assertEquals(Optional.of("0101701234"), data.cprOf("20921897", "46283716"));
        assertEquals(Set.of("nspLaegesekretaer"), data.rolesOf("0101701234", "20921897"));
        assertEquals(List.of(new Authorization("J0184", "7170")), data.authorizationsOf("0101701234"));
    }

    @Test
    void defaultsWhenAnyDemoEmployeeCertificateThenKnownToCvrRidWithADistinctCpr() {
        DemoBackendData data = DemoBackendData.defaults();
        Pattern cvrRid = Pattern.compile("CVR:(\\d+)-RID:(\\d+)");
        Set<String> cprs = new HashSet<>();

        for (DemoClient client : DemoClient.values()) {
            Matcher m = cvrRid.matcher(client.subjectDn());
            if (m.find()) {
                Optional<String> cpr = data.cprOf(m.group(1), m.group(2));
                assertTrue(cpr.isPresent(), client + " has no CPR in the demo data");
                assertTrue(cprs.add(cpr.get()), client + " shares a CPR");
            }
        }
        assertEquals(3, cprs.size());
    }

    @Test
    void defaultsWhenDemoOces3EmployeeThenUuid2CprKnowsKarlHansen() {
        String uuid = DemoClient.EMPLOYEE_MOCES3.subjectDn().replaceFirst("^SERIALNUMBER=UI:DK-E:G:([0-9a-f-]+),.*$", "$1");

        assertEquals(Optional.of(DemoBackendData.KARL_HANSEN_CPR), DemoBackendData.defaults().cprOfUuid(uuid));
        assertEquals(Optional.empty(), DemoBackendData.defaults().cprOfUuid("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void ensureWhenFileFromBeforeUuid2CprThenItsSectionAppendedAndTheEditKept(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(DemoBackendData.FILE_NAME);
        Files.writeString(file, "cvr-rid.12345678.1 = 1111111111\n");

        DemoBackendData data = DemoBackendData.ensure(folder);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("cvr-rid.12345678.1 = 1111111111\n"), text);
        assertEquals(Optional.of("1111111111"), data.cprOf("12345678", "1"));
        assertTrue(text.contains("uuid2cpr.a0368eea-b281-46cc-9dc9-fec420831906 = " + DemoBackendData.KARL_HANSEN_CPR), text);
        assertEquals(Optional.of(DemoBackendData.KARL_HANSEN_CPR), data.cprOfUuid("a0368eea-b281-46cc-9dc9-fec420831906"));
    }

    @Test
    void ensureWhenFileFromBeforeTheCitizenBackendsThenTheirSectionAppendedAndTheEditKept(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(DemoBackendData.FILE_NAME);
        Files.writeString(file, "uuid2cpr.a0368eea-b281-46cc-9dc9-fec420831906 = 1111111111\n");

        DemoBackendData data = DemoBackendData.ensure(folder);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("uuid2cpr.a0368eea-b281-46cc-9dc9-fec420831906 = 1111111111\n"), text);
        assertTrue(text.contains("custody." + DemoBackendData.CITIZEN_CPR + " = " + DemoBackendData.CHILD_CPR), text);
        assertEquals(Set.of(DemoBackendData.CHILD_CPR), data.childrenInCustodyOf(DemoBackendData.CITIZEN_CPR));
        assertEquals(List.of(DemoBackendData.PROCURATION_PRIVILEGE),
                data.privilegesOf(DemoBackendData.PROCURATION_GRANTOR_CPR, DemoBackendData.CITIZEN_CPR));
        assertEquals(List.of(DemoBackendData.BLURRED_ORGANISATION), data.blurredOrganisationsOf(DemoBackendData.CITIZEN_CPR));
    }

    @Test
    void loadWhenCitizenKeysEditedThenReadAndBadValuesNamed(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(DemoBackendData.FILE_NAME);
        Files.writeString(file, "cpr-valid.0000000000 = false\nprocuration.0707451122.0505651234 = urn:a, urn:b\n");

        DemoBackendData data = DemoBackendData.load(file);

        assertFalse(data.isValidCpr("0000000000"));
        assertTrue(data.isValidCpr("0505651234"));
        assertEquals(List.of("urn:a", "urn:b"), data.privilegesOf("0707451122", "0505651234"));
        Files.writeString(file, "custody.0505651234 = 15031543\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoBackendData.load(file));
        assertTrue(e.getMessage().contains("'custody.0505651234' needs a CPR number of 10 digits, found '15031543'"), e.getMessage());
    }

    @Test
    void ensureWhenUuid2CprAndCustodyLinesCommentedOutThenNothingAppended(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(DemoBackendData.FILE_NAME);
        String text = "# uuid2cpr.a0368eea-b281-46cc-9dc9-fec420831906 = 0101701234\n# custody.0505651234 = 1503154321\n";
        Files.writeString(file, text);

        DemoBackendData data = DemoBackendData.ensure(folder);

        assertEquals(text, Files.readString(file));
        assertEquals(Set.of(), data.childrenInCustodyOf("0505651234"));
        assertEquals(Optional.empty(), data.cprOfUuid("a0368eea-b281-46cc-9dc9-fec420831906"));
    }

    @Test
    void defaultsWhenSecondEmployeeThenNoRolesAndNoAuthorization() {
        DemoBackendData data = DemoBackendData.defaults();

        assertEquals(Optional.of(DemoBackendData.EMPLOYEE_WITHOUT_ROLES_CPR),
                data.cprOf("20921897", DemoBackendData.EMPLOYEE_WITHOUT_ROLES_RID));
        assertEquals(Set.of(), data.rolesOf(DemoBackendData.EMPLOYEE_WITHOUT_ROLES_CPR, "20921897"));
        assertEquals(List.of(), data.authorizationsOf(DemoBackendData.EMPLOYEE_WITHOUT_ROLES_CPR));
    }

    @Test
    void isRelatedWhenPidWithOrWithoutPrefixThenOnlyItsOwnCpr() {
        DemoBackendData data = DemoBackendData.defaults();

        assertTrue(data.isRelated("9208-2002-2-741852963", "0505651234"));
        assertTrue(data.isRelated("PID:9208-2002-2-741852963", "0505651234"));
        assertFalse(data.isRelated("9208-2002-2-741852963", "0101701234"));
        assertFalse(data.isRelated("9208-2002-2-000000000", "0505651234"));
    }

    @Test
    void ensureWhenFileEditedThenKeptAndItsDataUsed(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(DemoBackendData.FILE_NAME);
        Files.writeString(file, "roles.1111111111.12345678 = a, b ,\nauthorizations.1111111111 = X1;1, Y2;2\n");

        DemoBackendData data = DemoBackendData.ensure(folder);

        assertEquals(List.of("a", "b"), List.copyOf(data.rolesOf("1111111111", "12345678")));
        assertEquals(2, data.authorizationsOf("1111111111").size());
        assertEquals(Optional.empty(), data.cprOf("20921897", "46283716"));
        assertTrue(Files.readString(file).startsWith("roles."));
    }

    @Test
    void loadWhenKeyUnknownThenRefusedNamingKey(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(DemoBackendData.FILE_NAME), "cpr.0101701234 = x\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoBackendData.ensure(folder));

        assertTrue(e.getMessage().contains("unknown key 'cpr.0101701234'"), e.getMessage());
    }

    @Test
    void loadWhenCprMalformedThenRefusedNamingKey(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(DemoBackendData.FILE_NAME), "cvr-rid.20921897.46283716 = 0101-70\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoBackendData.ensure(folder));

        assertTrue(e.getMessage().contains("'cvr-rid.20921897.46283716' needs a CPR number"), e.getMessage());
    }

    @Test
    void loadWhenAuthorizationLacksEducationCodeThenRefused(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(DemoBackendData.FILE_NAME), "authorizations.0101701234 = J0184\n");

        assertThrows(IllegalStateException.class, () -> DemoBackendData.ensure(folder));
    }
}
