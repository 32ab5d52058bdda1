package dk.sosi.sts.admin;

import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.configuration.AttributeCatalogue;
import dk.sosi.sts.db.AttributeTableRepository;
import dk.sosi.sts.pki.CertificateNames;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code whitelist <table> <audience-or-issuer> <certificate-file>}: the row the operations guide's examples insert
 * for a certificate, as SQL in the guide's style, or (with {@code --apply}) inserted. A caller is whitelisted by
 * its subject serial number ({@code certificate.xxx}: audienceConfiguration, trustedIdpConfiguration,
 * ehdsiAudienceConfiguration); an issuer's signing certificate is trusted by its base64 DER ({@code signingKey.xxx},
 * with {@code --signing-key}, and always in trustedIdpCitizenConfiguration, which whitelists no callers). The
 * {@code xxx} is {@code --name}, else the certificate's CN in lower case letters and digits.
 */
final class WhitelistCommand {

    private final Supplier<StsEnvironment> environment;
    private final Clock clock;
    private final PrintStream out;

    WhitelistCommand(Supplier<StsEnvironment> environment, Clock clock, PrintStream out) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    int run(Arguments arguments) {
        List<String> given = arguments.positional("<table>", "<audience-or-issuer>", "<certificate-file>");
        AttributeCatalogue table = AttributeCatalogue.byTable(given.get(0)).orElseThrow(() -> new StsAdmin.UsageException(
                "no table '" + given.get(0) + "' on map-format; one of " + Arrays.stream(AttributeCatalogue.values())
                        .map(AttributeCatalogue::table).collect(Collectors.joining(", "))));
        String key = given.get(1);
        X509Certificate certificate = one(CertificateFile.read(Path.of(given.get(2)), arguments.option("--password")),
                arguments.option("--alias"));
        String family = family(table, arguments.flag("--signing-key"));
        String name = arguments.option("--name").orElseGet(() -> suffix(certificate));
        String comment = arguments.option("--comment").orElseGet(() -> commonName(certificate).orElse(null));
        boolean apply = arguments.flag("--apply");
        arguments.noOthers();
        String value = family.equals(AttributeCatalogue.CERTIFICATE) ? subjectSerialNumber(certificate) : base64(certificate);
        Row row = new Row(table, key, family + name, value, comment);
        if (!apply) {
            out.println("USE " + table.database() + ";");
            out.println(row.sql());
            return StsAdmin.OK;
        }
        return insert(row);
    }

    private int insert(Row row) {
        try (OfflineSts sts = new OfflineSts(environment.get(), clock); Connection connection = sts.stsDataSource().getConnection()) {
            AttributeTableRepository.of(row.table()).insert(connection, row.key(), row.attribute(), row.value(), row.comment());
            out.println("Inserted into " + row.table().database() + "." + row.table().table() + ": " + row.sql());
            out.println("The STS reads it within its refresh interval (sts.config.refresh), without a restart.");
            return StsAdmin.OK;
        } catch (SQLIntegrityConstraintViolationException e) {
            out.println("Not inserted: " + row.table().table() + " already has " + row.table().keyColumn() + " '" + row.key()
                    + "' with attribute '" + row.attribute() + "' (choose another --name)");
            return StsAdmin.ERRORS;
        } catch (SQLException e) {
            out.println("Not inserted: the database refused: " + e.getMessage());
            return StsAdmin.ERRORS;
        }
    }

    private static String family(AttributeCatalogue table, boolean signingKey) {
        if (signingKey || !table.hasFamily(AttributeCatalogue.CERTIFICATE)) {
            if (!table.hasFamily(AttributeCatalogue.SIGNING_KEY)) {
                throw new StsAdmin.UsageException(table.table() + " has no signingKey.xxx");
            }
            return AttributeCatalogue.SIGNING_KEY;
        }
        return AttributeCatalogue.CERTIFICATE;
    }

    private static X509Certificate one(Map<String, X509Certificate> certificates, Optional<String> alias) {
        if (alias.isPresent()) {
            return Optional.ofNullable(certificates.get(alias.get())).orElseThrow(() -> new StsAdmin.UsageException(
                    "no alias '" + alias.get() + "' in the file; it has " + String.join(", ", certificates.keySet())));
        }
        if (certificates.size() != 1) {
            throw new StsAdmin.UsageException("the file holds " + certificates.size() + " certificates ("
                    + String.join(", ", certificates.keySet()) + "): choose one with --alias");
        }
        return certificates.values().iterator().next();
    }

    private static String subjectSerialNumber(X509Certificate certificate) {
        try {
            return CertificateNames.subjectSerialNumber(certificate);
        } catch (IllegalArgumentException e) {
            throw new CertificateFile.FileException("the certificate " + certificate.getSubjectX500Principal().getName()
                    + " has no subject serial number to whitelist");
        }
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CertificateFile.FileException("the certificate cannot be encoded: " + e.getMessage());
        }
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        return CertificateNames.attribute(certificate.getSubjectX500Principal(), "2.5.4.3");
    }

    /** The CN in lower case letters and digits, as the guide's {@code certificate.testorganisationa}; else {@code 1}. */
    private static String suffix(X509Certificate certificate) {
        String name = commonName(certificate).orElse("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return name.isEmpty() ? "1" : name;
    }

    /** Immutable. One row of a map-format table. */
    private record Row(AttributeCatalogue table, String key, String attribute, String value, String comment) {

        /** The guide's one-line form: {@code INSERT INTO audienceConfiguration (audience, attribute, attribute_value, comment) VALUES (…);}. */
        String sql() {
            return "INSERT INTO " + table.table() + " (" + table.keyColumn() + ", attribute, attribute_value"
                    + (comment == null ? "" : ", comment") + ") VALUES (" + literal(key) + ", " + literal(attribute) + ", "
                    + literal(value) + (comment == null ? "" : ", " + literal(comment)) + ");";
        }

        /** A MySQL string literal: quotes doubled, backslashes escaped (MySQL reads them as escapes by default). */
        private static String literal(String text) {
            return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
    }
}
