package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.monitor.Check;
import dk.sosi.sts.monitor.CheckResult;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. The guide's {@code nboTrustStoreCheck} and {@code jwtTrustStoreCheck}: the certificates of
 * a trust store such as {@code test-new-nemLogin-idp.keystore}. Fails when one has expired or is revoked,
 * warns when one is Expiring; ignored aliases never count. On {@code /sts/checkstatus} it shows one line
 * per certificate, as in the guide's example:
 * {@code Trusted certificate NBOTrustStore/foces3_2024 -> UI:DK-O:G:23550132-…: OK (Expires: 27-04-2024 14:25:47)}.
 */
public final class TrustStoreCheck implements Check {

    static final String LINE = "Trusted certificate %s -> %s: %s (Expires: %s)";

    private final KeystoreCertificates certificates;
    private final ZoneId zone;

    /** @param zone the server's zone, in which the lines show NotAfter */
    public TrustStoreCheck(KeystoreCertificates certificates, ZoneId zone) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The trust store's certificates, for the certificate inventory. */
    public KeystoreCertificates certificates() {
        return certificates;
    }

    @Override
    public CheckResult run() {
        List<CertificateEntry> entries = certificates.entries();
        List<String> lines = entries.stream().map(e -> String.format(LINE, e.location(), e.subject(), e.status().text(),
                e.expires(zone))).toList();
        return CertificateResults.of(certificates.name(), entries, lines);
    }
}
