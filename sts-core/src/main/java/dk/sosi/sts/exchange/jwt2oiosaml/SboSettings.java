package dk.sosi.sts.exchange.jwt2oiosaml;

import dk.sosi.sts.exchange.citizen.jwt.JwtSettings;
import java.util.Objects;

/**
 * Immutable. The settings of bean {@code sboRequestHandler} in services.xml (the guide's JWT2OIOSaml configuration),
 * global for all audiences.
 *
 * @param jwt                    fuzzyTime and allowedDriftInSeconds
 * @param checkTargetCertificate whether an audience's {@code publicKey} certificate must be valid and not revoked before use
 */
public record SboSettings(JwtSettings jwt, boolean checkTargetCertificate) {

    public SboSettings {
        Objects.requireNonNull(jwt, "jwt");
    }
}
