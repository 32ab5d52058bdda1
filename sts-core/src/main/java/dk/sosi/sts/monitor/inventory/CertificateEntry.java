package dk.sosi.sts.monitor.inventory;

import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.pki.PublicKeys;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. One certificate the STS uses or trusts, as the monitoring pages show it.
 *
 * @param location where it is configured: {@code teststs-1.keystore/sts}, {@code NBOTrustStore/demo_nemlogin_idp},
 *     {@code sts_audconf.iboConfig[/ststest3].publicKey}, …
 * @param subject its subject serial number, or its subject DN when it has none; for a bare public key its
 *     algorithm and SHA-256 fingerprint ({@code RSA key SHA-256:3f2a…}); {@code -} when unreadable
 * @param notAfter the end of its validity; empty when unreadable
 * @param status its status now
 */
public record CertificateEntry(String location, String subject, Optional<Instant> notAfter, CertificateStatus status) {

    /** As the guide's checkstatus example prints NotAfter: {@code 27-04-2024 14:25:47}. */
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final String UNKNOWN = "-";

    public CertificateEntry {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(status, "status");
    }

    public static CertificateEntry of(String location, X509Certificate certificate, CertificateStatus status) {
        return new CertificateEntry(location, subjectOf(certificate), Optional.of(certificate.getNotAfter().toInstant()), status);
    }

    /** A configured bare public key: named by its fingerprint, without expiry. */
    public static CertificateEntry publicKey(String location, PublicKey key) {
        return new CertificateEntry(location, key.getAlgorithm() + " key SHA-256:" + PublicKeys.fingerprint(key),
                Optional.empty(), CertificateStatus.PUBLIC_KEY);
    }

    /** A configured value that is neither a certificate nor a public key; nothing of it is shown, as it may be a private key. */
    public static CertificateEntry unreadable(String location) {
        return new CertificateEntry(location, UNKNOWN, Optional.empty(), CertificateStatus.UNREADABLE);
    }

    /** This certificate with another status, e.g. {@code Ignored}. */
    public CertificateEntry withStatus(CertificateStatus other) {
        return new CertificateEntry(location, subject, notAfter, other);
    }

    /** NotAfter as {@code dd-MM-yyyy HH:mm:ss} in {@code zone}, or {@code -} when unreadable. */
    public String expires(ZoneId zone) {
        return notAfter.map(instant -> EXPIRES.format(instant.atZone(zone))).orElse(UNKNOWN);
    }

    private static String subjectOf(X509Certificate certificate) {
        try {
            return CertificateNames.subjectSerialNumber(certificate);
        } catch (IllegalArgumentException e) {
            return certificate.getSubjectX500Principal().getName();
        }
    }
}
