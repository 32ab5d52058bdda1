package dk.sosi.sts.token.saml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable. A SAML 2.0 assertion (OIOSAML assertion, bootstrap token, IDWS identity token; exchanges.md
 * 3.1–3.4): what it says, independent of how it is written. Assertions are read by
 * {@link SamlAssertionReader} and written by {@link SamlAssertionWriter}; derive a changed one with
 * {@link #toBuilder()}. An assertion without Subject or Conditions has {@link Subject#NONE} and
 * {@link Conditions#NONE}.
 *
 * @param id             {@code @ID}, which the assertion's signature refers to; never empty
 * @param issueInstant   {@code @IssueInstant}
 * @param issuer         {@code saml:Issuer}; never empty
 * @param issuerFormat   {@code saml:Issuer/@Format}
 * @param subject        {@code saml:Subject}
 * @param conditions     {@code saml:Conditions}
 * @param authnStatement {@code saml:AuthnStatement}
 * @param attributes     the attributes of the {@code saml:AttributeStatement}, in document order; names unique
 */
public record SamlAssertion(String id, Instant issueInstant, String issuer, Optional<String> issuerFormat,
                            Subject subject, Conditions conditions, Optional<AuthnStatement> authnStatement,
                            List<SamlAttribute> attributes) {

    /** @throws IllegalArgumentException if the id or issuer is empty, or two attributes share a name */
    public SamlAssertion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issueInstant, "issueInstant");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuerFormat, "issuerFormat");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(authnStatement, "authnStatement");
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an assertion needs an ID");
        }
        if (issuer.isEmpty()) {
            throw new IllegalArgumentException("an assertion needs an Issuer");
        }
        Set<String> names = new HashSet<>();
        for (SamlAttribute attribute : attributes) {
            if (!names.add(attribute.name())) {
                throw new IllegalArgumentException("the attribute " + attribute.name() + " appears more than once");
            }
        }
    }

    /** The attribute named {@code name}, if there is one. */
    public Optional<SamlAttribute> attribute(String name) {
        return attributes.stream().filter(attribute -> attribute.name().equals(name)).findFirst();
    }

    /** A builder holding this assertion's values. */
    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .issueInstant(issueInstant)
                .issuer(issuer)
                .issuerFormat(issuerFormat)
                .subject(subject)
                .conditions(conditions)
                .authnStatement(authnStatement)
                .attributes(attributes);
    }

    /** An empty builder: no Subject, Conditions, AuthnStatement or attributes; id, issueInstant and issuer must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Not thread-safe. Builds a {@link SamlAssertion}; {@link #build()} checks what the assertion's constructor checks. */
    public static final class Builder {
        private String id;
        private Instant issueInstant;
        private String issuer;
        private Optional<String> issuerFormat = Optional.empty();
        private Subject subject = Subject.NONE;
        private Conditions conditions = Conditions.NONE;
        private Optional<AuthnStatement> authnStatement = Optional.empty();
        private final List<SamlAttribute> attributes = new ArrayList<>();

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder issueInstant(Instant issueInstant) {
            this.issueInstant = issueInstant;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder issuerFormat(Optional<String> issuerFormat) {
            this.issuerFormat = issuerFormat;
            return this;
        }

        public Builder subject(Subject subject) {
            this.subject = subject;
            return this;
        }

        public Builder conditions(Conditions conditions) {
            this.conditions = conditions;
            return this;
        }

        public Builder authnStatement(Optional<AuthnStatement> authnStatement) {
            this.authnStatement = authnStatement;
            return this;
        }

        /** Replaces the attributes with {@code attributes}. */
        public Builder attributes(List<SamlAttribute> attributes) {
            this.attributes.clear();
            this.attributes.addAll(attributes);
            return this;
        }

        /** Appends {@code attribute} after those already added. */
        public Builder addAttribute(SamlAttribute attribute) {
            this.attributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        public SamlAssertion build() {
            return new SamlAssertion(id, issueInstant, issuer, issuerFormat, subject, conditions, authnStatement,
                    attributes);
        }
    }
}
