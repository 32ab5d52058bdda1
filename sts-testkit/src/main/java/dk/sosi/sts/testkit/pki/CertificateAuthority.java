package dk.sosi.sts.testkit.pki;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Immutable, and thread-safe when its {@link KeyPairSource} is. A certificate authority of the test
 * PKI: its key pair, its certificate and its chain up to the root; it issues intermediates,
 * end-entity certificates and CRLs, all signed SHA256withRSA.
 *
 * <p>Every certificate carries critical BasicConstraints and KeyUsage, a SubjectKeyIdentifier and an
 * AuthorityKeyIdentifier, and a random positive 64-bit serial number. Only JDK providers are used,
 * so nothing is registered in {@link java.security.Security}.
 */
public final class CertificateAuthority {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final SecureRandom SERIALS = new SecureRandom();

    private final IssuedCredential credential;
    private final KeyPairSource keyPairSource;

    private CertificateAuthority(IssuedCredential credential, KeyPairSource keyPairSource) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.keyPairSource = Objects.requireNonNull(keyPairSource, "keyPairSource");
    }

    /** A self-signed root with a new {@link CertificateRequest#DEFAULT_KEY_SIZE}-bit key. */
    public static CertificateAuthority createRoot(String subjectDn, Instant notBefore, Instant notAfter) {
        return createRoot(subjectDn, notBefore, notAfter, KeyPairSource.fresh());
    }

    /** A self-signed root whose key, and the keys of everything it issues, come from {@code keyPairSource}. */
    public static CertificateAuthority createRoot(
            String subjectDn, Instant notBefore, Instant notAfter, KeyPairSource keyPairSource) {
        Objects.requireNonNull(keyPairSource, "keyPairSource");
        X500Principal subject = new X500Principal(Objects.requireNonNull(subjectDn, "subjectDn"));
        KeyPair keyPair = keyPairSource.rsa(CertificateRequest.DEFAULT_KEY_SIZE);
        X509Certificate certificate = sign(subject, keyPair.getPublic(), notBefore, notAfter,
                subject, keyPair.getPublic(), keyPair.getPrivate(),
                new BasicConstraints(true), caKeyUsage(), Optional.empty());
        return new CertificateAuthority(
                new IssuedCredential(keyPair.getPrivate(), certificate, List.of(certificate)), keyPairSource);
    }

    /**
     * A CA from a stored credential, e.g. read back with {@link IssuedCredential#read}.
     *
     * @throws IllegalArgumentException if the certificate is not a CA certificate
     */
    public static CertificateAuthority of(IssuedCredential credential, KeyPairSource keyPairSource) {
        Objects.requireNonNull(credential, "credential");
        if (credential.certificate().getBasicConstraints() < 0) {
            throw new IllegalArgumentException(
                    credential.certificate().getSubjectX500Principal() + " is not a CA certificate");
        }
        return new CertificateAuthority(credential, keyPairSource);
    }

    /** An intermediate CA below this one (path length 0: it may issue only end-entity certificates). */
    public CertificateAuthority issueIntermediate(String subjectDn, Instant notBefore, Instant notAfter) {
        return issueIntermediate(subjectDn, notBefore, notAfter, Optional.empty());
    }

    /** As {@link #issueIntermediate(String, Instant, Instant)}, pointing to this CA's CRL at {@code crlDistributionPoint}. */
    public CertificateAuthority issueIntermediate(
            String subjectDn, Instant notBefore, Instant notAfter, URI crlDistributionPoint) {
        return issueIntermediate(subjectDn, notBefore, notAfter,
                Optional.of(Objects.requireNonNull(crlDistributionPoint, "crlDistributionPoint")));
    }

    private CertificateAuthority issueIntermediate(
            String subjectDn, Instant notBefore, Instant notAfter, Optional<URI> crlDistributionPoint) {
        X500Principal subject = new X500Principal(Objects.requireNonNull(subjectDn, "subjectDn"));
        KeyPair keyPair = keyPairSource.rsa(CertificateRequest.DEFAULT_KEY_SIZE);
        X509Certificate certificate = sign(subject, keyPair.getPublic(), notBefore, notAfter,
                certificate().getSubjectX500Principal(), certificate().getPublicKey(), credential.privateKey(),
                new BasicConstraints(0), caKeyUsage(), crlDistributionPoint);
        return new CertificateAuthority(
                new IssuedCredential(keyPair.getPrivate(), certificate, chainWith(certificate)), keyPairSource);
    }

    /** An end-entity certificate and its private key, chained to this CA. */
    public IssuedCredential issue(CertificateRequest request) {
        Objects.requireNonNull(request, "request");
        KeyPair keyPair = request.keyPair().orElseGet(() -> keyPairSource.rsa(request.keySize()));
        int usageBits = request.keyUsages().stream().mapToInt(KeyUsageFlag::bit).reduce(0, (a, b) -> a | b);
        X509Certificate certificate = sign(request.subject(), keyPair.getPublic(),
                request.notBefore(), request.notAfter(),
                certificate().getSubjectX500Principal(), certificate().getPublicKey(), credential.privateKey(),
                new BasicConstraints(false), new KeyUsage(usageBits), request.crlDistributionPoint());
        return new IssuedCredential(keyPair.getPrivate(), certificate, chainWith(certificate));
    }

    /**
     * A CRL signed by this CA that lists {@code revokedSerials}, each revoked one second before
     * {@code thisUpdate}: the JDK's PKIX checker counts a certificate as revoked only when its
     * revocation date is strictly before the validation date, and tests validate at {@code thisUpdate}.
     */
    public X509CRL crl(Collection<BigInteger> revokedSerials, Instant thisUpdate, Instant nextUpdate) {
        Instant revoked = thisUpdate.minusSeconds(1);
        Map<BigInteger, Instant> revocations = new LinkedHashMap<>();
        revokedSerials.forEach(serial -> revocations.put(serial, revoked));
        return crl(revocations, thisUpdate, nextUpdate);
    }

    /**
     * A CRL signed by this CA that lists each serial of {@code revocations} with its revocation date.
     * Its CRL number is {@code thisUpdate} in epoch seconds, so a later CRL always has a higher number.
     */
    public X509CRL crl(Map<BigInteger, Instant> revocations, Instant thisUpdate, Instant nextUpdate) {
        Objects.requireNonNull(revocations, "revocations");
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new IllegalArgumentException("nextUpdate " + nextUpdate + " must be after thisUpdate " + thisUpdate);
        }
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            revocations.forEach((serial, revoked) ->
                    builder.addCRLEntry(serial, Date.from(revoked), CRLReason.unspecified));
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate().getPublicKey()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(credential.privateKey())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a CRL for " + certificate().getSubjectX500Principal(), e);
        }
    }

    /** This CA's certificate. */
    public X509Certificate certificate() {
        return credential.certificate();
    }

    /** This CA's private key, certificate and chain, e.g. to store it as a PKCS#12 file. */
    public IssuedCredential credential() {
        return credential;
    }

    private List<X509Certificate> chainWith(X509Certificate issued) {
        List<X509Certificate> chain = new ArrayList<>(credential.chain().size() + 1);
        chain.add(issued);
        chain.addAll(credential.chain());
        return chain;
    }

    private static KeyUsage caKeyUsage() {
        return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    private static X509Certificate sign(
            X500Principal subject, PublicKey subjectKey, Instant notBefore, Instant notAfter,
            X500Principal issuer, PublicKey issuerKey, PrivateKey issuerPrivateKey,
            BasicConstraints basicConstraints, KeyUsage keyUsage, Optional<URI> crlDistributionPoint) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
        try {
            // Names go through their DER encoding so the RDN order (C first) is the JDK's, not BC's string order.
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(issuer.getEncoded()), randomSerial(),
                    Date.from(notBefore), Date.from(notAfter),
                    X500Name.getInstance(subject.getEncoded()), subjectKey);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, basicConstraints);
            builder.addExtension(Extension.keyUsage, true, keyUsage);
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerKey));
            if (crlDistributionPoint.isPresent()) {
                GeneralNames url = new GeneralNames(new GeneralName(
                        GeneralName.uniformResourceIdentifier, crlDistributionPoint.get().toString()));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                        new DistributionPoint[] {new DistributionPoint(new DistributionPointName(url), null, null)}));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerPrivateKey)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign " + SIGNATURE_ALGORITHM + " with the CA key", e);
        }
    }

    /** A positive serial of up to 64 random bits (RFC 5280 allows 20 octets). */
    private static BigInteger randomSerial() {
        BigInteger serial = new BigInteger(64, SERIALS);
        return serial.signum() == 0 ? BigInteger.ONE : serial;
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate().getSubjectX500Principal() + "]";
    }
}
