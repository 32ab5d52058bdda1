package dk.sosi.sts.token.idcard;

import java.util.Objects;

/**
 * Immutable. The card's {@code saml:Subject/saml:NameID}.
 *
 * @param format a literal string such as {@code medcom:cprnumber} or {@code medcom:other} (protocol.md 3.4)
 * @param value  the identifier, e.g. a CPR number or the STS's {@code SubjectDN={…},IssuerDN={…},CertSerial={…}}
 */
public record NameId(String format, String value) {

    public NameId {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(value, "value");
    }
}
