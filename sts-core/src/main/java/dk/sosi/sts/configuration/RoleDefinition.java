package dk.sosi.sts.configuration;

import java.util.Objects;

/**
 * Immutable. One row of {@code sts_audconf.roleDefinitions}: a national role, shown in an id-card as
 * {@code urn:dk:healthcare:national-federation-role:code:<code>:value:<value>}.
 *
 * @param source where the role is kept; today only {@code NationalFederation}
 * @param externalName the role's name in the external source (SEB), e.g. {@code nspLaegesekretaer}
 * @param code the code in the id-card, e.g. {@code 40001}
 * @param value the text value in the id-card, e.g. {@code Laegesekretaer}
 */
public record RoleDefinition(String source, String externalName, String code, String value) {

    public RoleDefinition {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalName, "externalName");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(value, "value");
    }
}
