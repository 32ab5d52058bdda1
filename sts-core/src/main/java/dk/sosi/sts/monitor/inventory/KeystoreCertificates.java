package dk.sosi.sts.monitor.inventory;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Thread-safe. The certificates of one Java keystore as it reads now (a changed file is read again),
 * listed as {@code <name>/<alias>} in alias order, e.g. {@code NBOTrustStore/demo_nemlogin_idp}.
 * Aliases on the ignore list are {@code Ignored}, whatever their real status.
 */
public final class KeystoreCertificates implements CertificateSource {

    private final String name;
    private final Supplier<? extends Map<String, X509Certificate>> byAlias;
    private final Set<String> ignoredAliases;
    private final CertificateStatusPolicy policy;

    /** @param name how the pages name the keystore: its label ({@code NBOTrustStore}) or file name ({@code teststs-1.keystore}) */
    public KeystoreCertificates(String name, Map<String, X509Certificate> byAlias, Collection<String> ignoredAliases,
            CertificateStatusPolicy policy) {
        this(name, fixed(byAlias), ignoredAliases, policy);
    }

    /** @param byAlias the keystore's certificates, asked each time the pages list them */
    public KeystoreCertificates(String name, Supplier<? extends Map<String, X509Certificate>> byAlias,
            Collection<String> ignoredAliases, CertificateStatusPolicy policy) {
        this.name = Objects.requireNonNull(name, "name");
        this.byAlias = Objects.requireNonNull(byAlias, "byAlias");
        this.ignoredAliases = Set.copyOf(ignoredAliases);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public String name() {
        return name;
    }

    @Override
    public List<CertificateEntry> entries() {
        return new TreeMap<>(byAlias.get()).entrySet().stream().map(entry -> CertificateEntry.of(name + "/" + entry.getKey(), entry.getValue(),
                ignoredAliases.contains(entry.getKey()) ? CertificateStatus.IGNORED : policy.statusOf(entry.getValue())))
                .toList();
    }

    private static Supplier<Map<String, X509Certificate>> fixed(Map<String, X509Certificate> byAlias) {
        Map<String, X509Certificate> copy = Map.copyOf(byAlias);
        return () -> copy;
    }
}
