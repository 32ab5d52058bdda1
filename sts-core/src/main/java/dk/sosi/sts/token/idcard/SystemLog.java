package dk.sosi.sts.token.idcard;

import java.util.Objects;

/**
 * Immutable. The {@code SystemLog} attribute statement every card carries (protocol.md 3.2).
 *
 * @param itSystemName         {@code medcom:ITSystemName}
 * @param careProviderIdFormat the {@code NameFormat} of {@code medcom:CareProviderID}, e.g. {@code medcom:cvrnumber}
 * @param careProviderId       {@code medcom:CareProviderID}
 * @param careProviderName     {@code medcom:CareProviderName}
 */
public record SystemLog(String itSystemName, String careProviderIdFormat, String careProviderId, String careProviderName) {

    public SystemLog {
        Objects.requireNonNull(itSystemName, "itSystemName");
        Objects.requireNonNull(careProviderIdFormat, "careProviderIdFormat");
        Objects.requireNonNull(careProviderId, "careProviderId");
        Objects.requireNonNull(careProviderName, "careProviderName");
    }
}
