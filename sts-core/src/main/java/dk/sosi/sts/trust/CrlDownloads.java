package dk.sosi.sts.trust;

import java.security.cert.X509Certificate;
import java.util.List;

/** Thread-safe. What the latest downloads from each configured CRL source gave; the CRL check reads it. */
@FunctionalInterface
public interface CrlDownloads {

    /** One status per source still configured, ordered by URL. */
    List<CrlSourceStatus> bySource();

    /**
     * The CA certificates that must each have a CRL in the CRA database, one per CA key, or revocations they
     * publish go unseen.
     */
    default List<X509Certificate> expectedCas() {
        return List.of();
    }
}
