package dk.sosi.sts.monitor.inventory;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable, thread-safe. The certificates of one Java keystore, read at start-up (a keystore changes
 * only on restart), listed as {@code <name>/<alias>} in alias order, e.g. {@code NBOTrustStore/demo_nemlogin_idp}.
 * Aliases on the ignore list are {@code Ignored}, whatever their real status.
 */
public final class KeystoreCertificates implements CertificateSource {

    private final String name;
    private final NavigableMap<String, X509Certificate> byAlias;
    private final Set<String> ignoredAliases;
    private final CertificateStatusPolicy policy;

    /** @param name how the pages name the keystore: its label ({@code NBOTrustStore}) or file name ({@code teststs-1.keystore}) */
    public KeystoreCertificates(String name, Map<String, X509Certificate> byAlias, Collection<String> ignoredAliases,
            CertificateStatusPolicy policy) {
        this.name = Objects.requireNonNull(name, "name");
        this.byAlias = Collections.unmodifiableNavigableMap(new TreeMap<>(byAlias));
        this.ignoredAliases = Set.copyOf(ignoredAliases);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public String name() {
        return name;
    }

    @Override
    public List<CertificateEntry> entries() {
        return byAlias.entrySet().stream().map(entry -> CertificateEntry.of(name + "/" + entry.getKey(), entry.getValue(),
                ignoredAliases.contains(entry.getKey()) ? CertificateStatus.IGNORED : policy.statusOf(entry.getValue())))
                .toList();
    }
}
