package dk.sosi.sts.trust;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Thread-safe. Trust in the federation's PKI (OCES2 and OCES3): a signing certificate must chain to one of
 * the configured trust anchors (through the configured intermediates), be within its validity period now,
 * and neither it nor its issuing CA may be on a CRL in the CRA store.
 */
public final class FederationTrust implements SignerCheck {

    public static final String UNTRUSTED = "Authentication failed: Token in request signed by untrusted party";
    static final String ISSUER_REVOKED = "The CA certificate %s that issued the signing certificate has been revoked";

    /** Enough for every signer of a national federation; past it the cache starts over rather than grow. */
    static final int MAX_CACHED_PATHS = 10_000;

    private final Supplier<TrustStore> source;
    private final CertificateValidity validity;
    private volatile Anchors anchors;

    /**
     * @param trusted the federation's trust store: self-signed certificates become trust anchors,
     *     the others are intermediates a path may pass through
     */
    public FederationTrust(Collection<X509Certificate> trusted, RevocationChecker revocation, Clock clock) {
        this(fixed(trusted), revocation, clock);
    }

    /**
     * @param store the federation's trust store, asked on every check: a reloaded store is used from its
     *     first check on, with the built paths of the old one forgotten
     * @throws IllegalArgumentException when the store holds no root, see {@link #requireRoot}
     */
    public FederationTrust(Supplier<TrustStore> store, RevocationChecker revocation, Clock clock) {
        this.source = Objects.requireNonNull(store, "store");
        this.validity = new CertificateValidity(clock, revocation);
        this.anchors = Anchors.of(store.get());
    }

    /** Throws {@link IllegalArgumentException} unless {@code store} holds a root, as a federation trust store must. */
    public static void requireRoot(TrustStore store) {
        if (store.certificates().values().stream().noneMatch(FederationTrust::selfSigned)) {
            throw new IllegalArgumentException("The federation trust store holds no root (self-signed) certificate");
        }
    }

    /** Accepts {@code certificate} or throws {@link StsFault} saying why not. */
    @Override
    public void check(X509Certificate certificate) {
        validity.check(certificate);
        List<? extends Certificate> path = anchors().path(certificate, validity.now());
        for (Certificate ca : path.subList(1, path.size())) {
            if (validity.isRevoked((X509Certificate) ca)) {
                throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN,
                        String.format(ISSUER_REVOKED, ((X509Certificate) ca).getSubjectX500Principal().getName()));
            }
        }
    }

    private Anchors anchors() {
        TrustStore store = source.get();
        Anchors current = anchors;
        if (current.store() != store) {
            current = Anchors.of(store);
            anchors = current;
        }
        return current;
    }

    private static boolean selfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static Supplier<TrustStore> fixed(Collection<X509Certificate> trusted) {
        Map<String, X509Certificate> byAlias = new HashMap<>();
        trusted.forEach(certificate -> byAlias.put(String.valueOf(byAlias.size()), certificate));
        TrustStore store = TrustStore.of("federation trust store", byAlias);
        return () -> store;
    }

    private record CachedPath(List<? extends Certificate> certificates, Instant validUntil) {
    }

    /** The roots and intermediates of one reading of the trust store, and the paths built through them. */
    private record Anchors(TrustStore store, Set<TrustAnchor> roots, CertStore intermediates, Map<X509Certificate, CachedPath> paths) {

        static Anchors of(TrustStore store) {
            requireRoot(store);
            Set<TrustAnchor> roots = new HashSet<>();
            List<X509Certificate> others = new ArrayList<>();
            for (X509Certificate certificate : store.certificates().values()) {
                if (selfSigned(certificate)) {
                    roots.add(new TrustAnchor(certificate, null));
                } else {
                    others.add(certificate);
                }
            }
            try {
                return new Anchors(store, Set.copyOf(roots),
                        CertStore.getInstance("Collection", new CollectionCertStoreParameters(others)), new ConcurrentHashMap<>());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The JDK has no Collection CertStore", e);
            }
        }

        /**
         * The certificate's path to a trust anchor. Building one is the costliest step of a validation, and
         * the same few thousand signers come back all day: a built path is reused until the first of its
         * certificates expires. Validity and revocation are still checked on every call.
         */
        List<? extends Certificate> path(X509Certificate certificate, Instant now) {
            CachedPath cached = paths.get(certificate);
            if (cached != null && now.isBefore(cached.validUntil())) {
                return cached.certificates();
            }
            List<? extends Certificate> built = buildPath(certificate, now);
            Instant validUntil = built.stream().map(c -> ((X509Certificate) c).getNotAfter().toInstant())
                    .min(Instant::compareTo).orElse(now);
            if (paths.size() >= MAX_CACHED_PATHS) {
                paths.clear();
            }
            paths.put(certificate, new CachedPath(List.copyOf(built), validUntil));
            return built;
        }

        private List<? extends Certificate> buildPath(X509Certificate certificate, Instant now) {
            try {
                X509CertSelector target = new X509CertSelector();
                target.setCertificate(certificate);
                PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
                parameters.addCertStore(intermediates);
                parameters.setRevocationEnabled(false); // revocation comes from the CRA store, checked above
                parameters.setDate(Date.from(now));
                PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
                return result.getCertPath().getCertificates();
            } catch (CertPathBuilderException e) {
                throw new StsFault(FaultCode.FAILED_AUTHENTICATION, UNTRUSTED);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PKIX path building is not available", e);
            }
        }
    }
}
