package dk.sosi.sts.trust;

import java.util.List;
import javax.security.auth.x500.X500Principal;

/** Thread-safe. What the latest downloads from each configured CRL source gave; the CRL check reads it. */
@FunctionalInterface
public interface CrlDownloads {

    /** One status per source still configured, ordered by URL. */
    List<CrlSourceStatus> bySource();

    /** The CAs that must have a CRL in the CRA database, or revocations they publish go unseen. */
    default List<X500Principal> expectedIssuers() {
        return List.of();
    }
}
