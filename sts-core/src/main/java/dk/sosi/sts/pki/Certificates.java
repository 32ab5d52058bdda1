package dk.sosi.sts.pki;

import dk.sosi.sts.xml.Base64Text;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Certificates already read, by their base64: the same few thousand signers come back all day, and reading
     * one costs about as much as verifying its signature. Bounded: past it the cache starts over.
     */
    private static final int MAX_CACHED = 2_000;
    private static final Map<String, X509Certificate> READ = new ConcurrentHashMap<>();

    private Certificates() {
    }

    /**
     * The one certificate {@code base64} holds, white space ignored; empty when it is not base64, not a
     * certificate, or has anything after the certificate (the JDK's factory would silently stop before it).
     */
    public static Optional<X509Certificate> fromBase64(String base64) {
        String compact = Base64Text.compact(base64);
        X509Certificate known = READ.get(compact);
        if (known != null) {
            return Optional.of(known);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = (X509Certificate) FACTORY.get().generateCertificate(new ByteArrayInputStream(der));
            if (!Arrays.equals(der, certificate.getEncoded())) {
                return Optional.empty();
            }
            if (READ.size() >= MAX_CACHED) {
                READ.clear();
            }
            READ.put(compact, certificate);
            return Optional.of(certificate);
        } catch (GeneralSecurityException | ClassCastException e) {
            return Optional.empty();
        }
    }

}
