package dk.sosi.sts.monitor;

import dk.sosi.sts.trust.ReloadingFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Thread-safe. The keystores the STS reads again when they change: for each, when its contents in use
 * were loaded and the SHA-256 fingerprints (first 8 bytes, as keytool prints them) of their certificates.
 * Warns, naming the file and why, when a changed file could not be read: the STS still works with the
 * last good contents, but the operator's change has not taken effect. Failed files come first, so that
 * the alarm line starts with what to fix; {@code /sts/checkstatus} shows one line per file.
 */
public final class KeystoresCheck implements Check {

    public static final String LABEL = "Keystores";
    static final String LOADED = "%s %s loaded %s [%s]";
    static final String FAILED = "%s %s cannot be reloaded since %s: %s; still in use: the contents loaded %s [%s]";

    private final Supplier<? extends Collection<? extends ReloadingFile<?>>> files;

    /** @param files the watched files, asked on every run */
    public KeystoresCheck(Supplier<? extends Collection<? extends ReloadingFile<?>>> files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    @Override
    public CheckResult run() {
        List<ReloadingFile.Status> statuses = oncePerFile(files.get().stream().map(ReloadingFile::status).toList());
        List<String> failed = statuses.stream().filter(s -> s.failure().isPresent())
                .map(s -> String.format(FAILED, s.label(), s.file(), s.failure().get().since(), s.failure().get().reason(),
                        s.loadedAt(), fingerprints(s.certificates())))
                .toList();
        List<String> loaded = statuses.stream().filter(s -> s.failure().isEmpty())
                .map(s -> String.format(LOADED, s.label(), s.file().getFileName(), s.loadedAt(), fingerprints(s.certificates())))
                .toList();
        List<String> all = Stream.concat(failed.stream(), loaded.stream()).toList();
        List<String> lines = all.stream().map(file -> "Keystore " + file).toList();
        return failed.isEmpty() ? new CheckResult(LABEL, Severity.OK, "OK (" + String.join("; ", all) + ")", lines)
                : new CheckResult(LABEL, Severity.WARNING, String.join("; ", all), lines);
    }

    /**
     * A file read by two users (the backend keystore: its key for TLS, its certificates for
     * {@code /sts/certificates}) is listed once, as failed if either reading failed.
     */
    private static List<ReloadingFile.Status> oncePerFile(List<ReloadingFile.Status> statuses) {
        Map<Path, ReloadingFile.Status> byFile = new LinkedHashMap<>();
        for (ReloadingFile.Status status : statuses) {
            byFile.merge(status.file(), status, (first, second) -> first.failure().isPresent() ? first : second.failure().isPresent()
                    ? second : first);
        }
        return List.copyOf(byFile.values());
    }

    private static String fingerprints(Map<String, X509Certificate> byAlias) {
        return new TreeMap<>(byAlias).entrySet().stream().map(e -> e.getKey() + " " + fingerprint(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** {@code 3A:4F:…}: the start of the SHA-256 fingerprint {@code keytool -list -v} shows. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest, 0, 8) + "…";
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }
}
