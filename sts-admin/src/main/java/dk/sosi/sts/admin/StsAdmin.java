package dk.sosi.sts.admin;

import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.StsEnvironment;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The admin command {@code sts-admin}: looks at certificates, writes whitelisting SQL and lints the configuration of
 * an STS from the same configuration folder and database the STS uses ({@code STS_CONFIG_DIR}, {@code STS_JDBC_URL},
 * …, see {@link StsEnvironment}), without a running STS. Exit codes: 0 all well, 1 errors found, 2 wrong usage.
 */
public final class StsAdmin {

    static final int OK = 0;
    static final int ERRORS = 1;
    static final int USAGE = 2;

    static final String HELP = """
            usage: sts-admin <command> [arguments]
              certificate <file> [--password <pw>]
                  subject, subject serial number, CVR, issuer, validity, fingerprint, federation trust and
                  revocation of each certificate in a .cer, .pem, .p12 or .jks file
              whitelist <table> <audience-or-issuer> <certificate-file> [--signing-key] [--name <xxx>]
                        [--comment <text>] [--password <pw>] [--alias <alias>] [--apply]
                  the INSERT that whitelists the certificate (certificate.xxx = its subject serial number) or,
                  with --signing-key, trusts it (signingKey.xxx = its base64); --apply runs it.
                  Tables: audienceConfiguration, trustedIdpConfiguration, trustedIdpCitizenConfiguration,
                  ehdsiAudienceConfiguration
              check
                  lints the configuration tables and the Spring XML files; exits 1 on errors
              certificates
                  every certificate of the configuration folder and tables, with its status and days left
            The configuration folder and database are those of the STS: STS_CONFIG_DIR, STS_JDBC_URL, STS_JDBC_USER,
            STS_JDBC_PASSWORD (or -Dsts.config.dir=… and so on).""";

    private StsAdmin() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), StsEnvironment::fromSystem, Clock.systemUTC(), out, err));
    }

    /** Runs one command; {@code environment} is asked only by commands that need the STS's configuration. */
    static int run(List<String> args, Supplier<StsEnvironment> environment, Clock clock, PrintStream out, PrintStream err) {
        Objects.requireNonNull(args, "args");
        if (args.isEmpty()) {
            err.println(HELP);
            return USAGE;
        }
        try {
            Arguments arguments = Arguments.parse(args.subList(1, args.size()));
            return switch (args.get(0)) {
                case "certificate" -> new CertificateCommand(environment, clock, out).run(arguments);
                case "whitelist" -> new WhitelistCommand(environment, clock, out).run(arguments);
                case "check" -> new CheckCommand(environment, clock, out).run(arguments);
                case "certificates" -> new CertificatesCommand(environment, clock, out).run(arguments);
                case "help", "--help", "-h" -> {
                    out.println(HELP);
                    yield OK;
                }
                default -> throw new UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageException e) {
            err.println("sts-admin: " + e.getMessage());
            err.println(HELP);
            return USAGE;
        } catch (StartupException | CertificateFile.FileException e) {
            err.println("sts-admin: " + e.getMessage());
            return ERRORS;
        }
    }

    /** Wrong usage: the command line, not the configuration, must change. */
    static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
