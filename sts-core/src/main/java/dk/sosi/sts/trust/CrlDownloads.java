package dk.sosi.sts.trust;

import java.util.List;

/** Thread-safe. What the latest downloads from each configured CRL source gave; the CRL check reads it. */
@FunctionalInterface
public interface CrlDownloads {

    /** One status per source still configured, ordered by URL. */
    List<CrlSourceStatus> bySource();
}
