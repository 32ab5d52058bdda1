package dk.sosi.sts.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Stateless, thread-safe. Reads the parts of certificate subjects that the federation identifies
 * parties by.
 */
public final class CertificateNames {

    private CertificateNames() {
    }

    /**
     * The subject's {@code serialNumber} attribute (OID 2.5.4.5), which OCES certificates use for the
     * identity: {@code CVR:<cvr>-FID:<fid>} (function), {@code CVR:<cvr>-UID:<uid>} (company),
     * {@code CVR:<cvr>-RID:<rid>} (employee), {@code UI:DK-O:G:<uuid>} (OCES3 organisation).
     * The JDK's {@code getName()} shows it only as {@code 2.5.4.5=#<hex>}, hence this helper.
     *
     * @throws IllegalArgumentException if the subject has no serialNumber
     */
    public static String subjectSerialNumber(X509Certificate certificate) {
        return attribute(certificate, BCStyle.SERIALNUMBER).orElseThrow(() -> new IllegalArgumentException(
                "the subject " + certificate.getSubjectX500Principal() + " has no serialNumber (2.5.4.5)"));
    }

    /**
     * The subject's {@code organizationIdentifier} attribute (OID 2.5.4.97), where OCES3 certificates
     * name their organisation: {@code NTRDK-<cvr>}.
     */
    public static Optional<String> organizationIdentifier(X509Certificate certificate) {
        return attribute(certificate, BCStyle.ORGANIZATION_IDENTIFIER);
    }

    /** The first value of attribute {@code oid} (e.g. {@code 2.5.4.3}, CN) in {@code name}, if it has one. */
    public static Optional<String> attribute(X500Principal name, String oid) {
        return attribute(name, new ASN1ObjectIdentifier(oid));
    }

    private static Optional<String> attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
        return attribute(certificate.getSubjectX500Principal(), type);
    }

    private static Optional<String> attribute(X500Principal name, ASN1ObjectIdentifier type) {
        X500Name subject = X500Name.getInstance(name.getEncoded());
        for (RDN rdn : subject.getRDNs(type)) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (type.equals(attribute.getType()) && attribute.getValue() instanceof ASN1String value) {
                    return Optional.of(value.getString());
                }
            }
        }
        return Optional.empty();
    }
}
