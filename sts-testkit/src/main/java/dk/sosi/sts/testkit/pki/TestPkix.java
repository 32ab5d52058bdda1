package dk.sosi.sts.testkit.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Stateless. Runs the JDK's PKIX path validation, the check a relying party makes, and reads extensions. */
public final class TestPkix {

    private TestPkix() {
    }

    /** Validates {@code chain} (leaf first, anchor excluded or included) against {@code anchor} at {@code at}, revocation off. */
    public static void validate(List<X509Certificate> chain, X509Certificate anchor, Instant at)
            throws CertPathValidatorException {
        validate(chain, anchor, at, null);
    }

    /** As {@link #validate(List, X509Certificate, Instant)}, with revocation checked against {@code crls} when given. */
    public static void validate(List<X509Certificate> chain, X509Certificate anchor, Instant at, List<X509CRL> crls)
            throws CertPathValidatorException {
        try {
            List<X509Certificate> path = chain.stream().filter(c -> !c.equals(anchor)).toList();
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(crls != null);
            if (crls != null) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            }
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up PKIX validation", e);
        }
    }

    /** The URIs of a certificate's CRL distribution points extension, none if it has none. */
    public static List<String> crlDistributionPoints(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets())
                        .getDistributionPoints())
                .flatMap(point -> Arrays.stream(
                        GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()))
                .filter(name -> name.getTagNo() == GeneralName.uniformResourceIdentifier)
                .map(name -> name.getName().toString())
                .toList();
    }
}
