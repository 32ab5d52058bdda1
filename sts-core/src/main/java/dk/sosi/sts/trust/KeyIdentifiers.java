package dk.sosi.sts.trust;

import java.security.cert.X509Certificate;
import java.security.cert.X509Extension;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Stateless. Which CA key issued a certificate or CRL: the keyIdentifier of its AuthorityKeyIdentifier
 * extension (RFC 5280, 4.2.1.1 and 5.2.1), which is the SubjectKeyIdentifier of the CA certificate. A CA
 * renewed under the same name has a new key and so a new identifier.
 */
public final class KeyIdentifiers {

    private KeyIdentifiers() {
    }

    /** The subject key identifier of {@code ca} in lower-case hex; empty when it has none, or one that does not parse. */
    public static Optional<String> subjectKeyId(X509Certificate ca) {
        byte[] extension = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            byte[] keyId = ASN1OctetString.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getOctets();
            return keyId.length == 0 ? Optional.empty() : Optional.of(HexFormat.of().formatHex(keyId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The authority key identifier of {@code certificateOrCrl} in lower-case hex; empty when it has none, or
     * one that does not parse (it is then matched by its issuer's name alone).
     */
    public static Optional<String> authorityKeyId(X509Extension certificateOrCrl) {
        byte[] extension = certificateOrCrl.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            byte[] keyId = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                    .getKeyIdentifier();
            return keyId == null || keyId.length == 0 ? Optional.empty() : Optional.of(HexFormat.of().formatHex(keyId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
