package dk.sosi.sts.trust;

import dk.sosi.sts.pki.CertificateNames;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Immutable. What an OCES certificate's subject serial number says about its holder (protocol.md 9).
 * OCES2: {@code CVR:<cvr>-RID:<rid>} an employee, {@code CVR:<cvr>-UID:<uid>} or
 * {@code CVR:<cvr>-FID:<fid>} a company or function (system), {@code PID:<pid>} a person.
 * OCES3: {@code UI:DK-O:G:<uuid>} an organisation (FOCES3/VOCES3, a system),
 * {@code UI:DK-E:G:<uuid>} or {@code UI:DK-E:C:<uuid>} an employee (MOCES3); their serials carry no
 * CVR, so the organisation is read from {@code organizationIdentifier} ({@code NTRDK-<cvr>}). An OCES3
 * certificate without a usable one proves no organisation.
 *
 * @param cvr  the organisation the certificate proves, if any
 * @param rid  an OCES2 employee's RID, the key of CVR-RID
 * @param pid  a person's PID, the key of the PID service
 * @param uuid an OCES3 certificate's UUID, for an employee the key of UUID2CPR
 */
public record OcesCertificate(X509Certificate certificate, String subjectSerialNumber, Kind kind,
        Optional<String> cvr, Optional<String> rid, Optional<String> pid, Optional<String> uuid) {

    /** Who holds the certificate. */
    public enum Kind { EMPLOYEE, SYSTEM, PERSON, OTHER }

    private static final Pattern ORGANISATION = Pattern.compile("CVR:(\\d{8})-(RID|UID|FID):(.+)");
    private static final Pattern PERSON = Pattern.compile("PID:(.+)");
    private static final String UUID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
    private static final Pattern OCES3_ORGANISATION = Pattern.compile("UI:DK-O:G:" + UUID);
    private static final Pattern OCES3_EMPLOYEE = Pattern.compile("UI:DK-E:[GC]:" + UUID);
    private static final Pattern NTR_DK = Pattern.compile("NTRDK-(\\d{8})");

    public OcesCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(subjectSerialNumber, "subjectSerialNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cvr, "cvr");
        Objects.requireNonNull(rid, "rid");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(uuid, "uuid");
    }

    /** Reads {@code certificate}'s subject serial number; a certificate without one is {@link Kind#OTHER}. */
    public static OcesCertificate of(X509Certificate certificate) {
        String serial;
        try {
            serial = CertificateNames.subjectSerialNumber(certificate);
        } catch (IllegalArgumentException e) {
            return new OcesCertificate(certificate, "", Kind.OTHER, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        Matcher organisation = ORGANISATION.matcher(serial);
        if (organisation.matches()) {
            boolean employee = "RID".equals(organisation.group(2));
            return new OcesCertificate(certificate, serial, employee ? Kind.EMPLOYEE : Kind.SYSTEM,
                    Optional.of(organisation.group(1)), employee ? Optional.of(organisation.group(3)) : Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        Matcher person = PERSON.matcher(serial);
        if (person.matches()) {
            return new OcesCertificate(certificate, serial, Kind.PERSON, Optional.empty(), Optional.empty(),
                    Optional.of(person.group(1)), Optional.empty());
        }
        Matcher system3 = OCES3_ORGANISATION.matcher(serial);
        if (system3.matches()) {
            return oces3(certificate, serial, Kind.SYSTEM, system3.group(1));
        }
        Matcher employee3 = OCES3_EMPLOYEE.matcher(serial);
        if (employee3.matches()) {
            return oces3(certificate, serial, Kind.EMPLOYEE, employee3.group(1));
        }
        return new OcesCertificate(certificate, serial, Kind.OTHER, organisation(certificate), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static OcesCertificate oces3(X509Certificate certificate, String serial, Kind kind, String uuid) {
        return new OcesCertificate(certificate, serial, kind, organisation(certificate), Optional.empty(), Optional.empty(),
                Optional.of(uuid));
    }

    private static Optional<String> organisation(X509Certificate certificate) {
        return CertificateNames.organizationIdentifier(certificate).map(NTR_DK::matcher).filter(Matcher::matches)
                .map(m -> m.group(1));
    }
}
