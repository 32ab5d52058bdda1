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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    private final Set<TrustAnchor> anchors;
    private final CertStore intermediates;
    private final Map<X509Certificate, CachedPath> paths = new ConcurrentHashMap<>();
    private final CertificateValidity validity;

    /**
     * @param trusted the federation's trust store: self-signed certificates become trust anchors,
     *     the others are intermediates a path may pass through
     */
    public FederationTrust(Collection<X509Certificate> trusted, RevocationChecker revocation, Clock clock) {
        this.validity = new CertificateValidity(clock, revocation);
        Set<TrustAnchor> roots = new HashSet<>();
        List<X509Certificate> others = new ArrayList<>();
        for (X509Certificate certificate : trusted) {
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                roots.add(new TrustAnchor(certificate, null));
            } else {
                others.add(certificate);
            }
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("The federation trust store holds no root (self-signed) certificate");
        }
        this.anchors = Set.copyOf(roots);
        try {
            this.intermediates = CertStore.getInstance("Collection", new CollectionCertStoreParameters(others));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no Collection CertStore", e);
        }
    }

    /** Accepts {@code certificate} or throws {@link StsFault} saying why not. */
    @Override
    public void check(X509Certificate certificate) {
        validity.check(certificate);
        List<? extends Certificate> path = path(certificate, validity.now());
        for (Certificate ca : path.subList(1, path.size())) {
            if (validity.isRevoked((X509Certificate) ca)) {
                throw new StsFault(FaultCode.INVALID_SECURITY_TOKEN,
                        String.format(ISSUER_REVOKED, ((X509Certificate) ca).getSubjectX500Principal().getName()));
            }
        }
    }

    /**
     * The certificate's path to a trust anchor. Building one is the costliest step of a validation, and
     * the same few thousand signers come back all day: a built path is reused until the first of its
     * certificates expires. Validity and revocation are still checked on every call.
     */
    private List<? extends Certificate> path(X509Certificate certificate, Instant now) {
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

    private record CachedPath(List<? extends Certificate> certificates, Instant validUntil) {
    }

    private List<? extends Certificate> buildPath(X509Certificate certificate, Instant now) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
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
