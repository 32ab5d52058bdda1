package dk.sosi.sts.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Thread-safe. Reads X.509 certificates from what callers and operators write: base64 DER, which may hold
 * line breaks and blanks (XML text, the guide's "tolerant of line breaks" database values).
 */
public final class Certificates {

    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no X.509 certificate factory", e);
        }
    });

    private Certificates() {
    }

    /**
     * The one certificate {@code base64} holds, white space ignored; empty when it is not base64, not a
     * certificate, or has anything after the certificate (the JDK's factory would silently stop before it).
     */
    public static Optional<X509Certificate> fromBase64(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(withoutWhitespace(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = (X509Certificate) FACTORY.get().generateCertificate(new ByteArrayInputStream(der));
            return Arrays.equals(der, certificate.getEncoded()) ? Optional.of(certificate) : Optional.empty();
        } catch (GeneralSecurityException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** {@code text} without any XML white space (space, tab, CR, LF). */
    public static String withoutWhitespace(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
