package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.configuration.ConfigurationUnavailableException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. Every certificate the STS uses or trusts, in one place: the page {@code /sts/certificates},
 * one tab-separated line per certificate with its status, where it is configured, its subject serial
 * number, NotAfter and the whole days left, e.g.
 * {@code Expiring	sts_audconf.iboConfig[/ststest3].publicKey	UI:DK-O:G:c70b…	Expires: 03-12-2026 10:00:00	Days left: 10}.
 * Keystores are as read at start-up, the configuration tables as of the latest snapshot.
 */
public final class CertificateInventory {

    static final String LINE = "%s\t%s\t%s\tExpires: %s\tDays left: %s";
    static final String UNAVAILABLE = "Unavailable\t%s";

    private final List<CertificateSource> sources;
    private final CertificateStatusPolicy policy;
    private final ZoneId zone;

    /** @param zone the server's zone, in which NotAfter is shown */
    public CertificateInventory(List<? extends CertificateSource> sources, CertificateStatusPolicy policy, ZoneId zone) {
        this.sources = List.copyOf(sources);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Every certificate that can be read now; a source that cannot (database never loaded) is left out. */
    public List<CertificateEntry> entries() {
        List<CertificateEntry> entries = new ArrayList<>();
        for (CertificateSource source : sources) {
            try {
                entries.addAll(source.entries());
            } catch (ConfigurationUnavailableException e) {
                // the page says so; metrics simply lack these until the database answers
            }
        }
        return entries;
    }

    /** The page as of now. */
    public String render() {
        List<String> lines = new ArrayList<>();
        for (CertificateSource source : sources) {
            try {
                source.entries().forEach(entry -> lines.add(line(entry)));
            } catch (ConfigurationUnavailableException e) {
                lines.add(String.format(UNAVAILABLE, e.getMessage()));
            }
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private String line(CertificateEntry entry) {
        String daysLeft = entry.notAfter().map(notAfter -> String.valueOf(policy.daysLeft(notAfter))).orElse("-");
        return String.format(LINE, entry.status().text(), entry.location(), entry.subject(), entry.expires(zone), daysLeft);
    }
}
