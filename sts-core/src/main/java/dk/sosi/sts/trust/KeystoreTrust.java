package dk.sosi.sts.trust;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Thread-safe. Trust in exactly the certificates of one keystore, as the guide configures trusted IdPs
 * (NBOTrustStore, {@code test-new-nemLogin-idp.keystore}: any alias) and trusted JWT issuers
 * (JWTTrustStore, {@code test-jwt-idp-trust.jks}: alias = the JWT's {@code kid}). A certificate is trusted
 * if it is one of them (not merely issued by one), within its validity period and not revoked.
 */
public final class KeystoreTrust implements SignerCheck {

    private final Supplier<TrustStore> source;
    private final CertificateValidity validity;
    private volatile Indexed indexed;

    public KeystoreTrust(TrustStore store, CertificateValidity validity) {
        this(() -> store, validity);
    }

    /** @param store asked on every check: a reloaded keystore is trusted from its first use on */
    public KeystoreTrust(Supplier<TrustStore> store, CertificateValidity validity) {
        this.source = Objects.requireNonNull(store, "store");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.indexed = Indexed.of(store.get());
    }

    /** Accepts {@code certificate} or throws {@link StsFault} saying why not. */
    @Override
    public void check(X509Certificate certificate) {
        if (!indexed().trusted().contains(certificate)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, FederationTrust.UNTRUSTED);
        }
        validity.check(certificate);
    }

    /** The certificate whose alias is {@code kid}, compared without case; empty when there is none. */
    public Optional<X509Certificate> byKid(String kid) {
        return Optional.ofNullable(indexed().byKid().get(kid.toLowerCase(Locale.ROOT)));
    }

    /** The keystore this trust is in, as it reads now. */
    public TrustStore store() {
        return indexed().store();
    }

    /** The lookups of the store in use, made again once per reload (a racing thread may make them twice, harmlessly). */
    private Indexed indexed() {
        TrustStore store = source.get();
        Indexed current = indexed;
        if (current.store() != store) {
            current = Indexed.of(store);
            indexed = current;
        }
        return current;
    }

    private record Indexed(TrustStore store, Set<X509Certificate> trusted, Map<String, X509Certificate> byKid) {

        static Indexed of(TrustStore store) {
            // Java keystores may fold alias case (JKS lowercases), while a kid keeps the issuer's case
            return new Indexed(store, Set.copyOf(store.certificates().values()), store.certificates().entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                            (first, second) -> first)));
        }
    }
}
