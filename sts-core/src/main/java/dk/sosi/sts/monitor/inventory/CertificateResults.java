package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.monitor.CheckResult;
import dk.sosi.sts.monitor.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stateless. Sums up certificates as one check result: as bad as the worst certificate that is not
 * {@code Ignored}, naming each one that needs an operator, e.g.
 * {@code Expired NBOTrustStore/nemlogin_test -> CVR:34051178-FID:56940413 (NotAfter 2020-04-20T08:18:26Z)}.
 */
final class CertificateResults {

    static final String ALL_OK = "OK (%d certificate%s%s)";
    static final String PROBLEM = "%s %s -> %s (NotAfter %s)";
    static final String UNREADABLE = "%s %s";

    private CertificateResults() {
    }

    static CheckResult of(String label, List<CertificateEntry> entries, List<String> details) {
        List<CertificateEntry> problems = entries.stream().filter(e -> e.status().severity() != Severity.OK).toList();
        Severity severity = problems.stream().map(e -> e.status().severity()).max(Comparator.naturalOrder())
                .orElse(Severity.OK);
        String status = problems.isEmpty()
                ? allOk(entries)
                : problems.stream().map(CertificateResults::problem).collect(Collectors.joining("; "));
        return new CheckResult(label, severity, status, details);
    }

    private static String allOk(List<CertificateEntry> entries) {
        long ignored = entries.stream().filter(e -> e.status() == CertificateStatus.IGNORED).count();
        return String.format(ALL_OK, entries.size(), entries.size() == 1 ? "" : "s", ignored == 0 ? "" : ", " + ignored + " ignored");
    }

    private static String problem(CertificateEntry entry) {
        return entry.notAfter()
                .map(notAfter -> String.format(PROBLEM, entry.status().text(), entry.location(), entry.subject(), notAfter))
                .orElseGet(() -> String.format(UNREADABLE, entry.status().text(), entry.location()));
    }
}
