package dk.sosi.sts.demo.backends;

import dk.sosi.sts.backend.authorization.Authorization;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.testkit.pki.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Immutable. What the demo's backends know: the table the {@link DemoBackendsServlet} answers from,
 * read from {@value #FILE_NAME} in the demo configuration folder. The file is a UTF-8 properties file
 * an admin may edit (the demo reads it at start-up); {@link #ensure} writes the documented default,
 * which matches the demo PKI's client certificates ({@link DemoClient}), when it is missing:
 * <pre>
 * cvr-rid.&lt;cvr&gt;.&lt;rid&gt;   = &lt;cpr&gt;                                     employee certificate CVR:&lt;cvr&gt;-RID:&lt;rid&gt;
 * uuid2cpr.&lt;uuid&gt;         = &lt;cpr&gt;                                     OCES3 employee certificate UI:DK-E:G:&lt;uuid&gt;
 * pid.&lt;pid&gt;               = &lt;cpr&gt;                                     personal certificate PID:&lt;pid&gt;
 * roles.&lt;cpr&gt;.&lt;cvr&gt;      = &lt;externalName&gt;, &lt;externalName&gt;          national roles at the organisation
 * authorizations.&lt;cpr&gt;    = &lt;code&gt;;&lt;educationCode&gt;, …                authorisation register entries
 * procuration.&lt;grantor&gt;.&lt;grantee&gt; = &lt;privilege&gt;, …             procuration (fuldmagt) privileges
 * custody.&lt;cpr&gt;           = &lt;childCpr&gt;, …                           children in the person's parental custody
 * cpr-valid.&lt;cpr&gt;         = true | false                            person information: CPR valid (default true)
 * idsas.&lt;cpr&gt;             = &lt;organisation&gt;, …                       IDSAS: organisations blurred for the citizen
 * </pre>
 * A file written before UUID2CPR existed has no {@code uuid2cpr.} key; {@link #ensure} appends the
 * default UUID2CPR section to it, so that the demo MOCES3 employee works in an older demo folder too
 * (an admin who wants none keeps a commented-out {@code uuid2cpr.} line). Likewise a file without a
 * {@code custody.} key gets the default citizen section (procuration, custody, IDSAS).
 */
public final class DemoBackendData {

    public static final String FILE_NAME = "demo-backends.properties";

    /** The CPR numbers of the default data (fictitious). */
    public static final String KARL_HANSEN_CPR = "0101701234";
    public static final String EXPIRED_EMPLOYEE_CPR = "0202802345";
    public static final String REVOKED_EMPLOYEE_CPR = "0303903456";
    /** Lise Jensen: an employee of the demo organisation with no roles and no authorisation, and no certificate in the folder. */
    public static final String EMPLOYEE_WITHOUT_ROLES_CPR = "0404854567";
    public static final String EMPLOYEE_WITHOUT_ROLES_RID = "71538642";
    /** Demo Borger: a citizen whose personal certificate would carry {@code PID:}{@value #CITIZEN_PID}. */
    public static final String CITIZEN_CPR = "0505651234";
    public static final String CITIZEN_PID = "9208-2002-2-741852963";
    /** Demo Barn, born 15 March 2015: a child in Demo Borger's parental custody. */
    public static final String CHILD_CPR = "1503154321";
    /** Demo Fuldmagtsgiver: has given Demo Borger procuration with {@link #PROCURATION_PRIVILEGE}. */
    public static final String PROCURATION_GRANTOR_CPR = "0707451122";
    public static final String PROCURATION_PRIVILEGE = "urn:dk:sosi:sts:demo:privilege:read";
    /** The organisation IDSAS blurs for Demo Borger. */
    public static final String BLURRED_ORGANISATION = "SOR:123456789012345";
    public static final String KARL_HANSEN_ROLE = "nspLaegesekretaer";
    public static final Authorization KARL_HANSEN_AUTHORIZATION = new Authorization("J0184", "7170");

    private static final Pattern CPR = Pattern.compile("\\d{10}");
    private static final Pattern CVR_RID = Pattern.compile("CVR:(\\d+)-RID:(\\d+)");
    private static final Pattern OCES3_EMPLOYEE_UUID = Pattern.compile("UI:DK-E:[GC]:([0-9a-f-]+)");

    private final Map<String, String> cprByCvrRid;
    private final Map<String, String> cprByUuid;
    private final Map<String, String> cprByPid;
    private final Map<String, Set<String>> rolesByCprCvr;
    private final Map<String, List<Authorization>> authorizationsByCpr;
    private final Citizens citizens;

    /** Immutable. The citizen side of the data: procuration, custody, CPR validity, IDSAS. */
    private record Citizens(Map<String, List<String>> privilegesByGrantorGrantee, Map<String, Set<String>> childrenByCpr,
            Map<String, Boolean> validByCpr, Map<String, List<String>> blurredByCpr) {

        Citizens {
            privilegesByGrantorGrantee = Map.copyOf(privilegesByGrantorGrantee);
            childrenByCpr = Map.copyOf(childrenByCpr);
            validByCpr = Map.copyOf(validByCpr);
            blurredByCpr = Map.copyOf(blurredByCpr);
        }
    }

    private DemoBackendData(Map<String, String> cprByCvrRid, Map<String, String> cprByUuid, Map<String, String> cprByPid,
            Map<String, Set<String>> rolesByCprCvr, Map<String, List<Authorization>> authorizationsByCpr, Citizens citizens) {
        this.cprByCvrRid = Map.copyOf(cprByCvrRid);
        this.cprByUuid = Map.copyOf(cprByUuid);
        this.cprByPid = Map.copyOf(cprByPid);
        this.rolesByCprCvr = Map.copyOf(rolesByCprCvr);
        this.authorizationsByCpr = Map.copyOf(authorizationsByCpr);
        this.citizens = citizens;
    }

    /**
     * Reads {@value #FILE_NAME} of {@code configFolder}, writing the default first when it is missing,
     * and the default UUID2CPR section when it mentions no {@code uuid2cpr.} key; never changes a line
     * of an edit.
     *
     * @throws IllegalStateException if the file holds a line it cannot use, naming the key
     * @throws UncheckedIOException  if it cannot be read or written
     */
    public static DemoBackendData ensure(Path configFolder) {
        Path file = configFolder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            AtomicFiles.write(file, defaultText().getBytes(StandardCharsets.UTF_8));
        }
        String text = readText(file);
        if (!text.contains("uuid2cpr.")) {
            text = text + "\n" + uuid2CprSection();
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        }
        if (!text.contains("custody.")) {
            AtomicFiles.write(file, (text + "\n" + citizenSection()).getBytes(StandardCharsets.UTF_8));
        }
        return load(file);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo backend data " + file, e);
        }
    }

    /** Reads a file in the format of {@value #FILE_NAME}. */
    public static DemoBackendData load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo backend data " + file, e);
        }
        return parse(properties, file.toString());
    }

    /** The default data, as written to a new demo folder. */
    public static DemoBackendData defaults() {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(defaultText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(properties, "the default " + FILE_NAME);
    }

    /** CVR-RID: the CPR of the employee with {@code rid} at {@code cvr}. */
    public Optional<String> cprOf(String cvr, String rid) {
        return Optional.ofNullable(cprByCvrRid.get(cvr + "." + rid));
    }

    /** UUID2CPR: the CPR of the person with OCES3 {@code uuid}. */
    public Optional<String> cprOfUuid(String uuid) {
        return Optional.ofNullable(cprByUuid.get(uuid));
    }

    /** PID: whether {@code pid} (with or without {@code PID:}) belongs to {@code cpr}. */
    public boolean isRelated(String pid, String cpr) {
        return Objects.equals(cprByPid.get(withoutPidPrefix(pid)), cpr);
    }

    /** The national roles {@code cpr} holds at {@code cvr}; empty when none. */
    public Set<String> rolesOf(String cpr, String cvr) {
        return rolesByCprCvr.getOrDefault(cpr + "." + cvr, Set.of());
    }

    /** The authorisations of {@code cpr}; empty when none. */
    public List<Authorization> authorizationsOf(String cpr) {
        return authorizationsByCpr.getOrDefault(cpr, List.of());
    }

    /** Procuration: the privileges {@code grantor} gave {@code grantee}; empty when none. */
    public List<String> privilegesOf(String grantor, String grantee) {
        return citizens.privilegesByGrantorGrantee().getOrDefault(grantor + "." + grantee, List.of());
    }

    /** Person information: the children in {@code cpr}'s parental custody; empty when none. */
    public Set<String> childrenInCustodyOf(String cpr) {
        return citizens.childrenByCpr().getOrDefault(cpr, Set.of());
    }

    /** Person information: whether {@code cpr} is valid; true unless the data says {@code cpr-valid.<cpr> = false}. */
    public boolean isValidCpr(String cpr) {
        return citizens.validByCpr().getOrDefault(cpr, true);
    }

    /** IDSAS: the organisations blurred for {@code cpr}; empty when none. */
    public List<String> blurredOrganisationsOf(String cpr) {
        return citizens.blurredByCpr().getOrDefault(cpr, List.of());
    }

    private static DemoBackendData parse(Properties properties, String source) {
        Map<String, String> cprByCvrRid = new HashMap<>();
        Map<String, String> cprByUuid = new HashMap<>();
        Map<String, String> cprByPid = new HashMap<>();
        Map<String, Set<String>> roles = new HashMap<>();
        Map<String, List<Authorization>> authorizations = new HashMap<>();
        Map<String, List<String>> privileges = new HashMap<>();
        Map<String, Set<String>> children = new HashMap<>();
        Map<String, Boolean> valid = new HashMap<>();
        Map<String, List<String>> blurred = new HashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).strip();
            if (key.startsWith("cvr-rid.")) {
                String[] cvrRid = parts(key, "cvr-rid.", 2, source);
                cprByCvrRid.put(cvrRid[0] + "." + cvrRid[1], cpr(value, key, source));
            } else if (key.startsWith("uuid2cpr.")) {
                cprByUuid.put(parts(key, "uuid2cpr.", 1, source)[0], cpr(value, key, source));
            } else if (key.startsWith("pid.")) {
                cprByPid.put(withoutPidPrefix(parts(key, "pid.", 1, source)[0]), cpr(value, key, source));
            } else if (key.startsWith("roles.")) {
                String[] cprCvr = parts(key, "roles.", 2, source);
                cpr(cprCvr[0], key, source);
                Set<String> names = new LinkedHashSet<>();
                for (String name : value.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
                roles.put(cprCvr[0] + "." + cprCvr[1], Collections.unmodifiableSet(names));
            } else if (key.startsWith("authorizations.")) {
                String cpr = cpr(parts(key, "authorizations.", 1, source)[0], key, source);
                List<Authorization> entries = new ArrayList<>();
                for (String entry : value.split(",")) {
                    if (entry.isBlank()) {
                        continue;
                    }
                    String[] fields = entry.split(";", -1);
                    if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                        throw new IllegalStateException(source + ": '" + key + "' must list authorizationCode;educationCode"
                                + " entries separated by commas, such as J0184;7170; found '" + entry.strip() + "'");
                    }
                    entries.add(new Authorization(fields[0].strip(), fields[1].strip()));
                }
                authorizations.put(cpr, List.copyOf(entries));
            } else if (key.startsWith("procuration.")) {
                String[] grantorGrantee = parts(key, "procuration.", 2, source);
                cpr(grantorGrantee[0], key, source);
                cpr(grantorGrantee[1], key, source);
                privileges.put(grantorGrantee[0] + "." + grantorGrantee[1], list(value));
            } else if (key.startsWith("custody.")) {
                String cpr = cpr(parts(key, "custody.", 1, source)[0], key, source);
                List<String> childCprs = list(value);
                childCprs.forEach(child -> cpr(child, key, source));
                children.put(cpr, Set.copyOf(childCprs));
            } else if (key.startsWith("cpr-valid.")) {
                String cpr = cpr(parts(key, "cpr-valid.", 1, source)[0], key, source);
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalStateException(source + ": '" + key + "' must be true or false, found '" + value + "'");
                }
                valid.put(cpr, Boolean.valueOf(value));
            } else if (key.startsWith("idsas.")) {
                blurred.put(cpr(parts(key, "idsas.", 1, source)[0], key, source), list(value));
            } else {
                throw new IllegalStateException(source + ": unknown key '" + key + "'; keys start with cvr-rid., uuid2cpr., pid.,"
                        + " roles., authorizations., procuration., custody., cpr-valid. or idsas.");
            }
        }
        return new DemoBackendData(cprByCvrRid, cprByUuid, cprByPid, roles, authorizations,
                new Citizens(privileges, children, valid, blurred));
    }

    /** The comma-separated values of a line, in order. */
    private static List<String> list(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String[] parts(String key, String prefix, int count, String source) {
        String rest = key.substring(prefix.length());
        String[] parts = count == 1 ? new String[] {rest} : rest.split("\\.", -1);
        if (parts.length != count || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            String expected = switch (prefix) {
                case "cvr-rid." -> "cvr-rid.<cvr>.<rid>";
                case "uuid2cpr." -> "uuid2cpr.<uuid>";
                case "roles." -> "roles.<cpr>.<cvr>";
                case "pid." -> "pid.<pid>";
                case "procuration." -> "procuration.<grantorCpr>.<granteeCpr>";
                case "custody." -> "custody.<cpr>";
                case "cpr-valid." -> "cpr-valid.<cpr>";
                case "idsas." -> "idsas.<cpr>";
                default -> "authorizations.<cpr>";
            };
            throw new IllegalStateException(source + ": key '" + key + "' must have the form " + expected);
        }
        return parts;
    }

    private static String cpr(String value, String key, String source) {
        if (!CPR.matcher(value).matches()) {
            throw new IllegalStateException(source + ": '" + key + "' needs a CPR number of 10 digits, found '" + value + "'");
        }
        return value;
    }

    private static String withoutPidPrefix(String pid) {
        return pid.regionMatches(true, 0, "PID:", 0, 4) ? pid.substring(4) : pid;
    }

    /** The UUID of a demo OCES3 employee certificate. */
    private static String uuid(DemoClient client) {
        Matcher m = OCES3_EMPLOYEE_UUID.matcher(client.subjectDn());
        if (!m.find()) {
            throw new IllegalStateException(client + " is not an OCES3 employee certificate");
        }
        return m.group(1);
    }

    private static String citizenSection() {
        return CITIZEN_TEMPLATE.replace("{CITIZEN_CPR}", CITIZEN_CPR).replace("{CHILD_CPR}", CHILD_CPR)
                .replace("{GRANTOR_CPR}", PROCURATION_GRANTOR_CPR).replace("{PRIVILEGE}", PROCURATION_PRIVILEGE)
                .replace("{BLURRED}", BLURRED_ORGANISATION);
    }

    private static String uuid2CprSection() {
        return UUID2CPR_TEMPLATE.replace("{KARL_UUID}", uuid(DemoClient.EMPLOYEE_MOCES3)).replace("{KARL_CPR}", KARL_HANSEN_CPR);
    }

    /** CVR and RID of a demo employee certificate. */
    private static String[] cvrRid(DemoClient client) {
        Matcher m = CVR_RID.matcher(client.subjectDn());
        if (!m.find()) {
            throw new IllegalStateException(client + " is not an employee certificate");
        }
        return new String[] {m.group(1), m.group(2)};
    }

    private static String defaultText() {
        String[] karl = cvrRid(DemoClient.EMPLOYEE_MOCES);
        String[] expired = cvrRid(DemoClient.EMPLOYEE_MOCES_EXPIRED);
        String[] revoked = cvrRid(DemoClient.EMPLOYEE_MOCES_REVOKED);
        Map<String, String> values = Map.ofEntries(
                Map.entry("{CVR}", karl[0]), Map.entry("{KARL_RID}", karl[1]), Map.entry("{KARL_CPR}", KARL_HANSEN_CPR),
                Map.entry("{ROLE}", KARL_HANSEN_ROLE),
                Map.entry("{AUTHORIZATION}", KARL_HANSEN_AUTHORIZATION.authorizationCode() + ";"
                        + KARL_HANSEN_AUTHORIZATION.educationCode()),
                Map.entry("{EXPIRED_CVR}", expired[0]), Map.entry("{EXPIRED_RID}", expired[1]),
                Map.entry("{EXPIRED_CPR}", EXPIRED_EMPLOYEE_CPR),
                Map.entry("{REVOKED_CVR}", revoked[0]), Map.entry("{REVOKED_RID}", revoked[1]),
                Map.entry("{REVOKED_CPR}", REVOKED_EMPLOYEE_CPR),
                Map.entry("{LISE_RID}", EMPLOYEE_WITHOUT_ROLES_RID), Map.entry("{LISE_CPR}", EMPLOYEE_WITHOUT_ROLES_CPR),
                Map.entry("{PID}", CITIZEN_PID), Map.entry("{CITIZEN_CPR}", CITIZEN_CPR),
                Map.entry("{UUID2CPR}", uuid2CprSection()), Map.entry("{CITIZENS}", citizenSection()));
        String text = DEFAULT_TEMPLATE;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }

    private static final String DEFAULT_TEMPLATE = """
            # SOSI-STS demo backends: what the simulator at /demo-backends answers for CVR-RID, UUID2CPR,
            # the PID service, the national role directory, the authorisation register, procuration,
            # person information and IDSAS.
            # DEMO ONLY. UTF-8. Read when the demo starts: restart it after an edit; delete this file
            # to get the default back. Every CPR number here is fictitious.
            #
            #   cvr-rid.<cvr>.<rid>  = <cpr>                         whose employee certificate CVR:<cvr>-RID:<rid> is
            #   uuid2cpr.<uuid>      = <cpr>                         whose OCES3 employee certificate UI:DK-E:G:<uuid> is
            #   pid.<pid>            = <cpr>                         whose personal certificate PID:<pid> is
            #   roles.<cpr>.<cvr>    = <externalName>, ...           national roles of the user at the organisation
            #   authorizations.<cpr> = <code>;<educationCode>, ...   the user's entries in the Autorisationsregister
            #   procuration.<grantorCpr>.<granteeCpr> = <privilege>, ...  what the grantor allowed the grantee
            #   custody.<cpr>        = <childCpr>, ...               children in the person's parental custody
            #   cpr-valid.<cpr>      = true | false                  person information: is the CPR valid
            #   idsas.<cpr>          = <organisation>, ...           organisations IDSAS blurs for the citizen
            #
            # Anything not listed is unknown: CVR-RID and UUID2CPR answer 404, PID false, roles,
            # authorisations, procuration privileges, children and blurred organisations none; a CPR
            # is valid unless cpr-valid.<cpr> = false.

            # Karl Hansen, employee of Demo Lægehus (clients/demo-employee-moces.p12): medical secretary
            # role, authorised as læge (education code 7170).
            cvr-rid.{CVR}.{KARL_RID} = {KARL_CPR}
            roles.{KARL_CPR}.{CVR} = {ROLE}
            authorizations.{KARL_CPR} = {AUTHORIZATION}

            {UUID2CPR}
            # Anne Udløbet (clients/demo-employee-moces-expired.p12) and Bo Spærret
            # (clients/demo-employee-moces-revoked.p12): known to the registers, but their certificates
            # are expired and revoked, so the STS refuses them before it asks.
            cvr-rid.{EXPIRED_CVR}.{EXPIRED_RID} = {EXPIRED_CPR}
            roles.{EXPIRED_CPR}.{EXPIRED_CVR} = {ROLE}
            cvr-rid.{REVOKED_CVR}.{REVOKED_RID} = {REVOKED_CPR}
            roles.{REVOKED_CPR}.{REVOKED_CVR} = {ROLE}

            # Lise Jensen, employee of Demo Lægehus without any role or authorisation (no certificate in
            # the folder: issue one for CVR:{CVR}-RID:{LISE_RID} with ca/demo-issuing-ca-1.p12).
            cvr-rid.{CVR}.{LISE_RID} = {LISE_CPR}

            # Demo Borger, a citizen with a personal certificate PID:{PID} (none in the folder).
            pid.{PID} = {CITIZEN_CPR}

            {CITIZENS}""";

    private static final String CITIZEN_TEMPLATE = """
            # Citizens acting for someone else (OnBehalfOf): Demo Barn ({CHILD_CPR}, born 2015) is in Demo
            # Borger's parental custody; Demo Fuldmagtsgiver ({GRANTOR_CPR}) has given Demo Borger procuration.
            # IDSAS blurs one organisation for Demo Borger (audiences with "blurring").
            custody.{CITIZEN_CPR} = {CHILD_CPR}
            procuration.{GRANTOR_CPR}.{CITIZEN_CPR} = {PRIVILEGE}
            idsas.{CITIZEN_CPR} = {BLURRED}
            """;

    private static final String UUID2CPR_TEMPLATE = """
            # Karl Hansen's OCES3 employee certificate (clients/demo-employee-moces3.p12): UUID2CPR
            # knows his CPR by the UUID of its serial number UI:DK-E:G:<uuid>.
            uuid2cpr.{KARL_UUID} = {KARL_CPR}
            """;
}
