package dk.sosi.sts.admin;

import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.trust.FederationTrust;
import dk.sosi.sts.trust.OcesCertificate;
import dk.sosi.sts.trust.RevocationChecker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code certificate <file>}: what the STS would see in each certificate of a file: subject, subject serial number,
 * CVR (OCES2 serial or OCES3 organizationIdentifier), issuer, validity, SHA-256 fingerprint, whether it chains to
 * the federation trust store and whether the CRA database lists it as revoked. Exits 1 when one is not trusted
 * (untrusted, expired or revoked), for scripts that vet a certificate before whitelisting it.
 */
final class CertificateCommand {

    private final Supplier<StsEnvironment> environment;
    private final Clock clock;
    private final PrintStream out;

    CertificateCommand(Supplier<StsEnvironment> environment, Clock clock, PrintStream out) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    int run(Arguments arguments) {
        Path file = Path.of(arguments.positional("<file>").get(0));
        Map<String, X509Certificate> certificates = CertificateFile.read(file, arguments.option("--password"));
        arguments.noOthers();
        try (OfflineSts sts = new OfflineSts(environment.get(), clock)) {
            FederationTrust trust = sts.federationTrust();
            String trustStore = sts.federationTrustStore().get().name();
            boolean allTrusted = true;
            for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
                if (certificates.size() > 1) {
                    out.println("== " + entry.getKey());
                }
                allTrusted &= describe(entry.getValue(), trust, trustStore, sts.revocation());
            }
            return allTrusted ? StsAdmin.OK : StsAdmin.ERRORS;
        }
    }

    /** Prints one certificate; returns whether the federation trusts it now. */
    private boolean describe(X509Certificate certificate, FederationTrust trust, String trustStore, RevocationChecker revocation) {
        OcesCertificate oces = OcesCertificate.of(certificate);
        Instant notAfter = certificate.getNotAfter().toInstant();
        line("Subject", certificate.getSubjectX500Principal().getName());
        line("Serial number", oces.subjectSerialNumber().isEmpty() ? "none (no subject serialNumber)" : oces.subjectSerialNumber());
        line("CVR", oces.cvr().map(cvr -> cvr + (oces.subjectSerialNumber().startsWith("CVR:") ? " (OCES2, subject serial number)"
                : " (OCES3, organizationIdentifier " + CertificateNames.organizationIdentifier(certificate).orElse("") + ")"))
                .orElse("none"));
        line("Kind", oces.kind().name().toLowerCase(Locale.ROOT));
        line("Issuer", certificate.getIssuerX500Principal().getName());
        line("Valid", certificate.getNotBefore().toInstant() + " to " + notAfter + " (" + daysLeft(notAfter) + ")");
        line("SHA-256", fingerprint(certificate));
        boolean trusted;
        try {
            trust.check(certificate);
            line("Federation trust", "yes (chains to " + trustStore + ", valid, not revoked)");
            trusted = true;
        } catch (StsFault e) {
            line("Federation trust", "no: " + e.getMessage());
            trusted = false;
        }
        line("Revoked", revocation.isRevoked(certificate)
                ? "yes (on the CRL of " + certificate.getIssuerX500Principal().getName() + " in the CRA database)"
                : "no (not on a CRL in the CRA database)");
        return trusted;
    }

    private String daysLeft(Instant notAfter) {
        long days = Duration.between(clock.instant(), notAfter).toDays();
        return notAfter.isBefore(clock.instant()) ? "expired " + -days + " days ago" : days + " days left";
    }

    private void line(String label, String value) {
        out.printf("%-17s %s%n", label + ":", value);
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of a certificate", e);
        }
    }
}
