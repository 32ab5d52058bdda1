package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.IboConfig;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.pki.Certificates;
import dk.sosi.sts.pki.PublicKeys;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Thread-safe. The certificates in the configuration tables, from the current snapshot on every call,
 * so an admin's SQL edit shows within the refresh interval: {@code iboConfig.publicKey}, and
 * {@code signingKey.xxx} and {@code encryptionPublicKey.xxx} of {@code trustedIdpConfiguration},
 * {@code trustedIdpCitizenConfiguration} and (signingKey only) {@code ehdsiAudienceConfiguration}.
 * A value is base64 DER and may hold line breaks and white space, as the guide allows; one that does not
 * parse is {@code Unreadable}, except that {@code iboConfig.publicKey} may hold a bare public key
 * (SubjectPublicKeyInfo), listed as a {@code Key} by its fingerprint. Locations on the ignore list are
 * {@code Ignored}.
 *
 * <p>Parsed certificates are kept by value between snapshots, so a page costs no parsing unless a value
 * changed. {@code encryptionKey.xxx} values are private keys: they are never read here.
 */
public final class DatabaseCertificates implements CertificateSource {

    private static final String IBO_CONFIG = "sts_audconf.iboConfig";
    private static final String TRUSTED_IDP_CONFIGURATION = "sts_audconf.trustedIdpConfiguration";
    private static final String TRUSTED_IDP_CITIZEN_CONFIGURATION = "sts_audconf.trustedIdpCitizenConfiguration";
    private static final String EHDSI_AUDIENCE_CONFIGURATION = "sts_ehdsiconf.ehdsiAudienceConfiguration";
    private static final String SIGNING_KEY = "signingKey.";
    private static final String ENCRYPTION_PUBLIC_KEY = "encryptionPublicKey.";

    private final StsConfiguration configuration;
    private final CertificateStatusPolicy policy;
    private final Set<String> ignoredLocations;
    private final AtomicReference<Parsed> parsed = new AtomicReference<>(new Parsed(null, List.of(), Map.of()));

    /** @param ignoredLocations e.g. {@code sts_audconf.trustedIdpConfiguration[https://oio3bst-issuer.dk].signingKey.revoked} */
    public DatabaseCertificates(StsConfiguration configuration, CertificateStatusPolicy policy,
            Collection<String> ignoredLocations) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ignoredLocations = Set.copyOf(ignoredLocations);
    }

    @Override
    public List<CertificateEntry> entries() {
        ConfigurationSnapshot snapshot = configuration.current();
        Parsed current = parsed.get();
        if (current.snapshot() != snapshot) {
            // Two pages may parse the same new snapshot at once; either result is right.
            current = parse(snapshot, current.byValue());
            parsed.set(current);
        }
        return current.certificates().stream().map(this::entry).toList();
    }

    private CertificateEntry entry(Configured configured) {
        String location = configured.location();
        CertificateEntry entry = configured.certificate()
                .map(certificate -> CertificateEntry.of(location, certificate, policy.statusOf(certificate)))
                .or(() -> configured.key().map(key -> CertificateEntry.publicKey(location, key)))
                .orElseGet(() -> CertificateEntry.unreadable(location));
        return ignoredLocations.contains(location) ? entry.withStatus(CertificateStatus.IGNORED) : entry;
    }

    private static Parsed parse(ConfigurationSnapshot snapshot, Map<String, Optional<X509Certificate>> previous) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> mayBeKeys = new HashSet<>();
        for (IboConfig row : snapshot.iboConfig()) {
            String location = IBO_CONFIG + "[" + row.audience() + "].publicKey";
            values.put(location, row.publicKey());
            mayBeKeys.add(location);
        }
        collect(values, TRUSTED_IDP_CONFIGURATION, snapshot.trustedIdpConfiguration(), SIGNING_KEY, ENCRYPTION_PUBLIC_KEY);
        collect(values, TRUSTED_IDP_CITIZEN_CONFIGURATION, snapshot.trustedIdpCitizenConfiguration(), SIGNING_KEY,
                ENCRYPTION_PUBLIC_KEY);
        collect(values, EHDSI_AUDIENCE_CONFIGURATION, snapshot.ehdsiAudienceConfiguration(), SIGNING_KEY);
        Map<String, Optional<X509Certificate>> byValue = new HashMap<>();
        List<Configured> certificates = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            Optional<X509Certificate> certificate = byValue.computeIfAbsent(value.getValue(),
                    v -> previous.containsKey(v) ? previous.get(v) : Certificates.fromBase64(v));
            Optional<PublicKey> key = certificate.isEmpty() && mayBeKeys.contains(value.getKey())
                    ? PublicKeys.fromBase64(value.getValue()) : Optional.empty();
            certificates.add(new Configured(value.getKey(), certificate, key));
        }
        return new Parsed(snapshot, List.copyOf(certificates), Map.copyOf(byValue));
    }

    /** Adds the attributes of {@code rows} whose names start with one of {@code prefixes}, by key and attribute name. */
    private static void collect(Map<String, String> values, String table, AttributeTable rows, String... prefixes) {
        for (String key : rows.keys()) {
            rows.attributes(key).forEach((attribute, value) -> {
                if (Arrays.stream(prefixes).anyMatch(attribute::startsWith)) {
                    values.put(table + "[" + key + "]." + attribute, value);
                }
            });
        }
    }

    /** Immutable. The certificates of one snapshot, and every parsed value for the next. */
    private record Parsed(ConfigurationSnapshot snapshot, List<Configured> certificates,
            Map<String, Optional<X509Certificate>> byValue) {
    }

    /** Immutable. A configured value: where, and its certificate, or else its public key, when it parses as one. */
    private record Configured(String location, Optional<X509Certificate> certificate, Optional<PublicKey> key) {
    }
}
