package dk.sosi.sts.configuration;

import java.util.Objects;

/**
 * Immutable. One row of {@code sts_audconf.trustedCvr}: a CVR number allowed to state national roles
 * in its id-cards without the roles being checked against SEB.
 *
 * @param cvr the trusted CVR number
 * @param endpoint where the trust applies: {@code STS}, {@code NBO} or {@code BST2SOSI}
 * @param roleValue the {@code value} part of the one role allowed; {@code null} (SQL NULL) allows all
 *     roles. The text {@code 'NULL'} is an ordinary value, so a mistyped row fails closed.
 */
public record TrustedCvr(String cvr, String endpoint, String roleValue) {

    public TrustedCvr {
        Objects.requireNonNull(cvr, "cvr");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Whether this row lets the CVR number state the role with {@code value} without SEB validation. */
    public boolean allowsRole(String value) {
        Objects.requireNonNull(value, "value");
        return roleValue == null || roleValue.equals(value);
    }
}
