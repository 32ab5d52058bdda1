package dk.sosi.sts.monitor;

import dk.sosi.sts.trust.CrlDownloads;
import dk.sosi.sts.trust.CrlSourceStatus;
import dk.sosi.sts.trust.CrlStore;
import dk.sosi.sts.trust.KeyIdentifiers;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Thread-safe. The guide's alarm "a CRL in the CRA is too old (NextUpdate has passed)", and its cause
 * made visible early: fails when a stored CRL is past its NextUpdate, when a trusted CA key has no CRL
 * (each key of a CA renewed under its name needs its own), or when the latest download from a
 * configured source ({@code sts_cra.crl_source}) failed, so revocations may be missed. Its line
 * names each list and URL, e.g.
 * {@code CRL: FAILED (the latest download from http://crl.example/ca.crl failed: answered HTTP 404)}.
 * {@code /sts/checkstatus} follows that line with one line per stored list, each CA key of an issuer
 * on its own ({@value #LIST}).
 */
public final class CrlCheck implements Check {

    public static final String LABEL = "CRL";
    static final String NO_CRL = "no CRL of %s in the CRA database; add its CRL distribution point to sts_cra.crl_source";
    static final String OUTDATED = "the CRL of %s is past its NextUpdate %s";
    static final String DOWNLOAD_FAILED = "the latest download from %s failed: %s";
    static final String CANNOT_READ = "cannot read the CRA database: %s";
    /** Issuer, CA key, revoked count, thisUpdate, nextUpdate (or {@code none}), source. */
    static final String LIST = "CRL of %s, key %s: %d revoked, thisUpdate %s, nextUpdate %s, from %s";
    static final String NO_KEY_ID = "not named";

    private final CrlStore crls;
    private final CrlDownloads downloads;
    private final Clock clock;

    /**
     * @param downloads the CRL fetcher's record of its sources (bean {@code crlFetcher})
     */
    public CrlCheck(CrlStore crls, CrlDownloads downloads, Clock clock) {
        this.crls = Objects.requireNonNull(crls, "crls");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CheckResult run() {
        List<String> problems = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        Instant now = clock.instant();
        try {
            List<CrlStore.StoredCrl> all = crls.all();
            List<X509Certificate> cas = downloads.expectedCas();
            for (X509Certificate ca : cas) {
                if (all.stream().noneMatch(stored -> covers(stored, ca))) {
                    problems.add(String.format(NO_CRL, name(ca, cas)));
                }
            }
            for (CrlStore.StoredCrl stored : all) {
                lists.add(describe(stored));
                if (stored.crl().getNextUpdate() != null && now.isAfter(stored.crl().getNextUpdate().toInstant())) {
                    problems.add(String.format(OUTDATED, stored.crl().getIssuerX500Principal().getName(),
                            stored.crl().getNextUpdate().toInstant()));
                }
            }
        } catch (RuntimeException e) {
            problems.add(String.format(CANNOT_READ, e.getMessage()));
        }
        for (CrlSourceStatus source : downloads.bySource()) {
            source.failure().ifPresent(why -> problems.add(String.format(DOWNLOAD_FAILED, source.url(), why)));
        }
        CheckResult result = problems.isEmpty() ? CheckResult.ok(LABEL)
                : CheckResult.failed(LABEL, "FAILED (" + String.join("; ", problems) + ")");
        if (lists.isEmpty()) {
            return result;
        }
        lists.add(0, result.line());
        return new CheckResult(LABEL, result.severity(), result.status(), lists);
    }

    /** Whether {@code stored} is the list of {@code ca}'s key, or a list of its name that names no key. */
    private static boolean covers(CrlStore.StoredCrl stored, X509Certificate ca) {
        if (!stored.crl().getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        Optional<String> key = KeyIdentifiers.subjectKeyId(ca);
        return stored.authorityKeyId().isEmpty() || key.isEmpty() || stored.authorityKeyId().equals(key);
    }

    /** The CA's name, and its key when another expected CA has the same name (a CA renewed under its name). */
    private static String name(X509Certificate ca, List<X509Certificate> cas) {
        X500Principal subject = ca.getSubjectX500Principal();
        boolean renewed = cas.stream().filter(other -> other.getSubjectX500Principal().equals(subject)).count() > 1;
        Optional<String> key = KeyIdentifiers.subjectKeyId(ca);
        return renewed && key.isPresent() ? subject.getName() + ", key " + key.get() : subject.getName();
    }

    private static String describe(CrlStore.StoredCrl stored) {
        X509CRL crl = stored.crl();
        int revoked = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
        return String.format(LIST, crl.getIssuerX500Principal().getName(), stored.authorityKeyId().orElse(NO_KEY_ID),
                revoked, crl.getThisUpdate().toInstant(),
                crl.getNextUpdate() == null ? "none" : crl.getNextUpdate().toInstant(), stored.sourceUrl());
    }
}
