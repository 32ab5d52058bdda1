package dk.sosi.sts.monitor;

import dk.sosi.sts.trust.CrlStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Thread-safe. Alarms when a stored CRL is past its NextUpdate, so revocations may be missed. */
public final class CrlCheck implements Check {

    static final String LABEL = "CRL";

    private final CrlStore crls;
    private final Clock clock;

    public CrlCheck(CrlStore crls, Clock clock) {
        this.crls = Objects.requireNonNull(crls, "crls");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CheckResult run() {
        List<String> stale = new ArrayList<>();
        Instant now = clock.instant();
        try {
            for (CrlStore.StoredCrl stored : crls.all()) {
                if (stored.crl().getNextUpdate() != null && now.isAfter(stored.crl().getNextUpdate().toInstant())) {
                    stale.add(stored.crl().getIssuerX500Principal().getName() + " (NextUpdate "
                            + stored.crl().getNextUpdate().toInstant() + ")");
                }
            }
        } catch (RuntimeException e) {
            return CheckResult.failed(LABEL, "FAILED (cannot read the CRA database: " + e.getMessage() + ")");
        }
        return stale.isEmpty() ? CheckResult.ok(LABEL) : CheckResult.failed(LABEL, "Outdated: " + String.join("; ", stale));
    }
}
