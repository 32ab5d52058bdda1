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
import java.util.stream.Collectors;

/**
 * Thread-safe. Trust in exactly the certificates of one keystore, as the guide configures trusted IdPs
 * (NBOTrustStore, {@code test-new-nemLogin-idp.keystore}: any alias) and trusted JWT issuers
 * (JWTTrustStore, {@code test-jwt-idp-trust.jks}: alias = the JWT's {@code kid}). A certificate is trusted
 * if it is one of them (not merely issued by one), within its validity period and not revoked.
 */
public final class KeystoreTrust implements SignerCheck {

    private final TrustStore store;
    private final Set<X509Certificate> trusted;
    private final Map<String, X509Certificate> byKid;
    private final CertificateValidity validity;

    public KeystoreTrust(TrustStore store, CertificateValidity validity) {
        this.store = Objects.requireNonNull(store, "store");
        this.trusted = Set.copyOf(store.certificates().values());
        // Java keystores may fold alias case (JKS lowercases), while a kid keeps the issuer's case
        this.byKid = store.certificates().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                        (first, second) -> first));
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    /** Accepts {@code certificate} or throws {@link StsFault} saying why not. */
    @Override
    public void check(X509Certificate certificate) {
        if (!trusted.contains(certificate)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, FederationTrust.UNTRUSTED);
        }
        validity.check(certificate);
    }

    /** The certificate whose alias is {@code kid}, compared without case; empty when there is none. */
    public Optional<X509Certificate> byKid(String kid) {
        return Optional.ofNullable(byKid.get(kid.toLowerCase(Locale.ROOT)));
    }

    /** The keystore this trust is in. */
    public TrustStore store() {
        return store;
    }
}
