package dk.sosi.sts.token.saml;

import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. A {@code saml:NameID}: the subject's identifier and, optionally, its {@code Format}.
 *
 * @param value  the identifier, e.g. {@code C=DK,O=…,CN=…,Serial=CVR:…-RID:…}; never empty
 * @param format e.g. {@code urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName}
 */
public record NameId(String value, Optional<String> format) {

    public static final String X509_SUBJECT_NAME = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";
    public static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    public static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

    /** @throws IllegalArgumentException if {@code value} is empty */
    public NameId {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(format, "format");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a NameID must not be empty");
        }
    }

    /** A NameID {@code value} of {@code format}. */
    public static NameId of(String value, String format) {
        return new NameId(value, Optional.of(format));
    }
}
