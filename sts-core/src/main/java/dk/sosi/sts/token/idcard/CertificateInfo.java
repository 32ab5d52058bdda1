package dk.sosi.sts.token.idcard;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * Immutable. The certificate an STS-issued id-card names in its {@code medcom:other} NameID
 * (protocol.md 3.4): {@code SubjectDN={…},IssuerDN={…},CertSerial={…}}, with the DNs in RFC 1779 form and
 * OCES's serialNumber and organizationIdentifier by name, the serial in decimal.
 */
public record CertificateInfo(X500Principal subject, X500Principal issuer, BigInteger serialNumber) {

    private static final Map<String, String> OID_TO_KEYWORD = Map.of("2.5.4.5", "SERIALNUMBER", "2.5.4.97",
            "ORGANIZATIONIDENTIFIER");
    private static final Map<String, String> KEYWORD_TO_OID = Map.of("SERIALNUMBER", "2.5.4.5", "ORGANIZATIONIDENTIFIER",
            "2.5.4.97");
    private static final Pattern TEXT = Pattern.compile("SubjectDN=\\{(.*)\\},IssuerDN=\\{(.*)\\},CertSerial=\\{(\\d{1,64})\\}",
            Pattern.DOTALL);

    public CertificateInfo {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
    }

    public static CertificateInfo of(X509Certificate certificate) {
        return new CertificateInfo(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal(),
                certificate.getSerialNumber());
    }

    /** Reads the NameID text; empty when it is not in this form. */
    public static Optional<CertificateInfo> parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CertificateInfo(new X500Principal(matcher.group(1), KEYWORD_TO_OID),
                    new X500Principal(matcher.group(2), KEYWORD_TO_OID), new BigInteger(matcher.group(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The NameID text, as the national STS writes it. */
    public String text() {
        return "SubjectDN={" + subject.getName(X500Principal.RFC1779, OID_TO_KEYWORD) + "},IssuerDN={"
                + issuer.getName(X500Principal.RFC1779, OID_TO_KEYWORD) + "},CertSerial={" + serialNumber + "}";
    }
}
