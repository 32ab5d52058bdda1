package dk.sosi.sts.exchange.user;

import dk.sosi.sts.backend.roles.UserRoleDirectory;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.RoleDefinition;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.fault.CallerText;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.identity.IdentifierFormats;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * Thread-safe. A national role in {@code medcom:UserRole}
 * ({@code urn:dk:healthcare:national-federation-role:code:<code>:value:<value>}) must be defined in
 * {@code roleDefinitions} and held by the user according to the user directory, unless
 * {@code trustedCvr} lets the organisation state it for this endpoint (the DGWS token service, OIOSaml2Sosi
 * or BST2SOSI: each has its own rows). Other role texts pass as they are.
 */
public final class NationalRoleCheck {

    /** The {@code trustedCvr.endpoint} value of the DGWS token service. */
    public static final String ENDPOINT_STS = "STS";
    /** The {@code trustedCvr.endpoint} value of OIOSaml2Sosi. */
    public static final String ENDPOINT_NBO = "NBO";
    /** The {@code trustedCvr.endpoint} value of BST2SOSI. */
    public static final String ENDPOINT_BST2SOSI = "BST2SOSI";

    static final String INVALID_ROLE = "Authentication failed: invalid role supplied (%s)";
    static final String ROLE_NOT_HELD = "Authentication failed: user does not have the requested role (%s)";
    static final String NO_CPR = "Authentication failed: a national role needs the user's CPR (%s)";

    private static final int MAX_ROLE_SHOWN = 128;

    private final UserRoleDirectory directory;
    private final StsConfiguration configurations;
    private final String endpoint;

    /** @param endpoint the {@code trustedCvr.endpoint} whose rows apply: {@link #ENDPOINT_STS}, {@link #ENDPOINT_NBO} or {@link #ENDPOINT_BST2SOSI} */
    public NationalRoleCheck(UserRoleDirectory directory, StsConfiguration configurations, String endpoint) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.configurations = Objects.requireNonNull(configurations, "configurations");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The role as the fault repeats it: national roles are about 75 characters; a longer text is cut. */
    private static String shown(String role) {
        return CallerText.limit(role, MAX_ROLE_SHOWN);
    }

    /** Checks {@code role} of the user with {@code cpr} (if known) at organisation {@code cvr}, for {@code request}. */
    public void check(String role, Optional<String> cpr, String cvr, RequestContext request) {
        check(role, cvr, definition -> {
            String user = cpr.orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NO_CPR, shown(role)),
                    FaultCode.AUTHORIZATION_ACTOR));
            return directory.rolesOf(user, cvr, request).contains(definition.externalName());
        });
    }

    /**
     * Checks {@code role} at organisation {@code cvr} against the privileges a token its issuer signed grants
     * (a SEB bootstrap token's PrivilegeList) instead of the user directory: the role is held when
     * {@code privileges} name it whole or by its {@code externalName}.
     */
    public void checkAgainst(Set<String> privileges, String role, String cvr) {
        check(role, cvr, definition -> privileges.contains(role.trim()) || privileges.contains(definition.externalName()));
    }

    private void check(String role, String cvr, Predicate<RoleDefinition> held) {
        Matcher national = IdentifierFormats.NATIONAL_ROLE.matcher(role.trim());
        if (!national.matches()) {
            return;
        }
        ConfigurationSnapshot configuration = configurations.current();
        String code = national.group(1);
        String value = national.group(2);
        RoleDefinition definition = configuration.roleDefinitions().stream()
                .filter(d -> d.code().equals(code) && d.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(INVALID_ROLE, shown(role)),
                        FaultCode.AUTHORIZATION_ACTOR));
        if (cvr.isBlank()) {
            // only a certificate proves an organisation; without one no directory or trustedCvr row can vouch
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(ROLE_NOT_HELD, shown(role)), FaultCode.AUTHORIZATION_ACTOR);
        }
        boolean trusted = configuration.trustedCvr().stream()
                .anyMatch(t -> t.cvr().equals(cvr) && endpoint.equals(t.endpoint()) && t.allowsRole(value));
        if (trusted) {
            return;
        }
        if (!held.test(definition)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(ROLE_NOT_HELD, shown(role)), FaultCode.AUTHORIZATION_ACTOR);
        }
    }
}
