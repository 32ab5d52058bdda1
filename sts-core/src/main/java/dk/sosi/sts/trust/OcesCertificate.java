package dk.sosi.sts.trust;

import dk.sosi.sts.pki.CertificateNames;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Immutable. What an OCES certificate's subject serial number says about its holder (protocol.md 9):
 * {@code CVR:<cvr>-RID:<rid>} an employee, {@code CVR:<cvr>-UID:<uid>} or {@code CVR:<cvr>-FID:<fid>}
 * a company or function (system), {@code PID:<pid>} a person. OCES3 serials carry no CVR; such a
 * certificate names its organisation in {@code organizationIdentifier} ({@code NTRDK-<cvr>}).
 *
 * @param cvr the organisation the certificate proves, if any
 */
public record OcesCertificate(X509Certificate certificate, String subjectSerialNumber, Kind kind,
        Optional<String> cvr, Optional<String> rid, Optional<String> pid) {

    /** Who holds the certificate. */
    public enum Kind { EMPLOYEE, SYSTEM, PERSON, OTHER }

    private static final Pattern ORGANISATION = Pattern.compile("CVR:(\\d{8})-(RID|UID|FID):(.+)");
    private static final Pattern PERSON = Pattern.compile("PID:(.+)");
    private static final Pattern NTR_DK = Pattern.compile("NTRDK-(\\d{8})");

    public OcesCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(subjectSerialNumber, "subjectSerialNumber");
        Objects.requireNonNull(kind, "kind");
    }

    /** Reads {@code certificate}'s subject serial number; a certificate without one is {@link Kind#OTHER}. */
    public static OcesCertificate of(X509Certificate certificate) {
        String serial;
        try {
            serial = CertificateNames.subjectSerialNumber(certificate);
        } catch (IllegalArgumentException e) {
            return new OcesCertificate(certificate, "", Kind.OTHER, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Matcher organisation = ORGANISATION.matcher(serial);
        if (organisation.matches()) {
            boolean employee = "RID".equals(organisation.group(2));
            return new OcesCertificate(certificate, serial, employee ? Kind.EMPLOYEE : Kind.SYSTEM,
                    Optional.of(organisation.group(1)), employee ? Optional.of(organisation.group(3)) : Optional.empty(),
                    Optional.empty());
        }
        Matcher person = PERSON.matcher(serial);
        if (person.matches()) {
            return new OcesCertificate(certificate, serial, Kind.PERSON, Optional.empty(), Optional.empty(),
                    Optional.of(person.group(1)));
        }
        return new OcesCertificate(certificate, serial, Kind.OTHER, organisation(certificate), Optional.empty(), Optional.empty());
    }

    private static Optional<String> organisation(X509Certificate certificate) {
        return CertificateNames.organizationIdentifier(certificate).map(NTR_DK::matcher).filter(Matcher::matches)
                .map(m -> m.group(1));
    }
}
