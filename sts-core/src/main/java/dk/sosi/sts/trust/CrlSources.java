package dk.sosi.sts.trust;

import java.util.List;

/**
 * Thread-safe. Where the CRL fetcher downloads revocation lists from: the URLs an operator listed in
 * {@code sts_cra.crl_source}, read afresh for every round so that an added or removed source takes
 * effect without a restart.
 */
@FunctionalInterface
public interface CrlSources {

    /**
     * The configured URLs, each once.
     *
     * @throws IllegalStateException when the list cannot be read now (the CRA database is down)
     */
    List<String> urls();
}
