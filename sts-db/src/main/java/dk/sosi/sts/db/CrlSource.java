package dk.sosi.sts.db;

import java.util.Objects;

/**
 * Immutable. One row of {@code sts_cra.crl_source}: a URL the CRL fetcher downloads a revocation
 * list from.
 *
 * @param comment free text for operators; may be {@code null}
 */
public record CrlSource(String url, String comment) {

    public CrlSource {
        Objects.requireNonNull(url, "url");
    }
}
