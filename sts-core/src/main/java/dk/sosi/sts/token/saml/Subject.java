package dk.sosi.sts.token.saml;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. A {@code saml:Subject}: its NameID and its confirmations, in document order. An assertion
 * without a Subject has {@link #NONE}.
 *
 * @param nameId        {@code saml:NameID}
 * @param confirmations the {@code saml:SubjectConfirmation}s
 */
public record Subject(Optional<NameId> nameId, List<SubjectConfirmation> confirmations) {

    /** No NameID and no confirmation: the Subject of an assertion that has none. */
    public static final Subject NONE = new Subject(Optional.empty(), List.of());

    public Subject {
        Objects.requireNonNull(nameId, "nameId");
        confirmations = List.copyOf(Objects.requireNonNull(confirmations, "confirmations"));
    }

    /** A subject named {@code nameId}, confirmed by {@code confirmations}. */
    public static Subject of(NameId nameId, SubjectConfirmation... confirmations) {
        return new Subject(Optional.of(nameId), List.of(confirmations));
    }

    /** Whether there is nothing to write ({@code saml:Subject} must hold a NameID or a confirmation). */
    public boolean isEmpty() {
        return nameId.isEmpty() && confirmations.isEmpty();
    }
}
