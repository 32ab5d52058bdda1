package dk.sosi.sts.token.saml;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. A {@code saml:Conditions}: the validity period and the audiences of its one
 * {@code saml:AudienceRestriction}. An assertion without Conditions has {@link #NONE}.
 *
 * @param notBefore    {@code @NotBefore}
 * @param notOnOrAfter {@code @NotOnOrAfter}
 * @param audiences    the {@code saml:AudienceRestriction/saml:Audience} values, in document order; none empty
 */
public record Conditions(Optional<Instant> notBefore, Optional<Instant> notOnOrAfter, List<String> audiences) {

    /** No times and no audience: the Conditions of an assertion that has none. */
    public static final Conditions NONE = new Conditions(Optional.empty(), Optional.empty(), List.of());

    /** @throws IllegalArgumentException if an audience is empty */
    public Conditions {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        audiences = List.copyOf(Objects.requireNonNull(audiences, "audiences"));
        if (audiences.contains("")) {
            throw new IllegalArgumentException("an Audience must not be empty");
        }
    }

    /** Valid from {@code notBefore} until {@code notOnOrAfter}, for {@code audiences}. */
    public static Conditions of(Instant notBefore, Instant notOnOrAfter, String... audiences) {
        return new Conditions(Optional.of(notBefore), Optional.of(notOnOrAfter), List.of(audiences));
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return notBefore.isEmpty() && notOnOrAfter.isEmpty() && audiences.isEmpty();
    }
}
