package dk.sosi.sts.admin;

import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.configuration.AttributeCatalogue;
import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import dk.sosi.sts.db.AttributeTableRepository;
import dk.sosi.sts.monitor.inventory.CertificateEntry;
import dk.sosi.sts.monitor.inventory.CertificateStatus;
import dk.sosi.sts.monitor.inventory.CertificateStatusPolicy;
import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.pki.PrivateKeys;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code check}: lints what an STS would start with, one line per finding. Errors (exit 1): a Spring XML file or
 * keystore that stops start-up, unreadable configuration tables, an attribute the guide does not define (with the
 * name it was probably meant to be), a (key, attribute) pair on more than one row, a key or certificate value that
 * does not parse, a certificate that has expired or is revoked. Warnings: a bean the operator's files lack (the
 * shipped default is used), an audience without {@code lifetime} (so not active), a certificate Expiring within the
 * {@code warningDays} of bean {@code certificateExpiryWarning}.
 */
final class CheckCommand {

    private final Supplier<StsEnvironment> environment;
    private final Clock clock;
    private final PrintStream out;

    CheckCommand(Supplier<StsEnvironment> environment, Clock clock, PrintStream out) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    int run(Arguments arguments) {
        arguments.positional();
        arguments.noOthers();
        Findings findings = new Findings();
        try (OfflineSts sts = new OfflineSts(environment.get(), clock)) {
            OperatorConfiguration operator = springFiles(sts, findings);
            tables(sts, findings);
            if (operator != null) {
                try {
                    certificates(sts, findings);
                } catch (StartupException e) {
                    findings.error("The STS would not start: " + e.getMessage());
                }
            }
        }
        findings.all().forEach(out::println);
        out.println(findings.summary());
        return findings.errors() > 0 ? StsAdmin.ERRORS : StsAdmin.OK;
    }

    private static OperatorConfiguration springFiles(OfflineSts sts, Findings findings) {
        try {
            OperatorConfiguration operator = sts.operator();
            operator.defaultedBeans().forEach(missing -> findings.warning(missing.describe()));
            return operator;
        } catch (StartupException e) {
            findings.error("The STS would not start: " + e.getMessage());
            return null;
        }
    }

    private static void tables(OfflineSts sts, Findings findings) {
        ConfigurationSnapshot snapshot;
        try {
            snapshot = sts.snapshot();
        } catch (ConfigurationUnavailableException e) {
            findings.error(e.getMessage());
            return;
        }
        for (AttributeCatalogue table : AttributeCatalogue.values()) {
            AttributeTable rows = rows(snapshot, table);
            for (String key : rows.keys()) {
                String at = table.database() + "." + table.table() + "[" + key + "]";
                rows.attributes(key).forEach((attribute, value) -> attribute(table, at, attribute, value, findings));
                if (table.knows(AttributeCatalogue.LIFETIME) && rows.value(key, AttributeCatalogue.LIFETIME).isEmpty()) {
                    findings.warning(at + ": no lifetime, so the audience is not active");
                }
            }
        }
        duplicates(sts, findings);
    }

    private static void attribute(AttributeCatalogue table, String at, String attribute, String value, Findings findings) {
        if (!table.knows(attribute)) {
            findings.error(at + ": unknown attribute '" + attribute + "'" + table.suggestion(attribute)
                    .map(known -> " (did you mean '" + known + "'?)")
                    .orElse(" (the guide's: " + table.attributes().stream().map(known -> known.endsWith(".") ? known + "xxx" : known)
                            .collect(Collectors.joining(", ")) + ")"));
        } else if (attribute.startsWith(AttributeCatalogue.ENCRYPTION_KEY) && PrivateKeys.rsaFromPkcs8Base64(value).isEmpty()) {
            findings.error(at + "." + attribute + ": not a base64 PKCS#8 RSA private key");
        } else if (table == AttributeCatalogue.AUDIENCE_CONFIGURATION && attribute.equals("publicKey")
                && Certificates.fromBase64(value).isEmpty()) {
            findings.error(at + ".publicKey: not a base64 DER certificate");
        }
    }

    private static void duplicates(OfflineSts sts, Findings findings) {
        try (Connection connection = sts.stsDataSource().getConnection()) {
            for (AttributeCatalogue table : AttributeCatalogue.values()) {
                for (AttributeTableRepository.Duplicate duplicate : AttributeTableRepository.of(table).findDuplicates(connection)) {
                    findings.error(table.database() + "." + table.table() + "[" + duplicate.key() + "]: " + duplicate.copies()
                            + " rows for attribute '" + duplicate.attribute() + "'; the STS uses the first and ignores the others");
                }
            }
        } catch (SQLException e) {
            findings.error("Cannot look for duplicate rows: " + e.getMessage());
        }
    }

    /** The certificates of /sts/certificates (signingKey.xxx, publicKey, keystores) that need an operator. */
    private static void certificates(OfflineSts sts, Findings findings) {
        CertificateStatusPolicy policy = sts.certificateStatus();
        for (CertificateEntry entry : sts.inventory().entries()) {
            CertificateStatus status = entry.status();
            String what = entry.location() + " -> " + entry.subject();
            switch (status) {
                case EXPIRED, REVOKED -> findings.error(what + ": " + status.text() + " (NotAfter " + entry.notAfter().orElseThrow() + ")");
                case UNREADABLE -> findings.error(entry.location() + ": Unreadable (not a base64 DER certificate)");
                case EXPIRING -> findings.warning(what + ": Expiring, " + policy.daysLeft(entry.notAfter().orElseThrow())
                        + " days left (NotAfter " + entry.notAfter().orElseThrow() + ")");
                default -> {
                    // OK, not yet valid or ignored: nothing to do
                }
            }
        }
    }

    private static AttributeTable rows(ConfigurationSnapshot snapshot, AttributeCatalogue table) {
        return switch (table) {
            case AUDIENCE_CONFIGURATION -> snapshot.audienceConfiguration();
            case TRUSTED_IDP_CONFIGURATION -> snapshot.trustedIdpConfiguration();
            case TRUSTED_IDP_CITIZEN_CONFIGURATION -> snapshot.trustedIdpCitizenConfiguration();
            case EHDSI_AUDIENCE_CONFIGURATION -> snapshot.ehdsiAudienceConfiguration();
        };
    }

    /** Not thread-safe. The findings so far, errors first when printed. */
    private static final class Findings {

        private final List<String> errors = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        void error(String text) {
            errors.add("ERROR    " + text);
        }

        void warning(String text) {
            warnings.add("WARNING  " + text);
        }

        int errors() {
            return errors.size();
        }

        List<String> all() {
            List<String> all = new ArrayList<>(errors);
            all.addAll(warnings);
            return all;
        }

        String summary() {
            return errors.isEmpty() && warnings.isEmpty() ? "OK: nothing to report"
                    : count(errors.size(), "error") + ", " + count(warnings.size(), "warning");
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }
}
