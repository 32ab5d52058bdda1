package dk.sosi.sts.exchange;

import dk.sosi.sts.soap.Namespaces;
import java.util.Optional;

/** Immutable. The token-exchange endpoints under {@code /sts/services/}, named as clients call them. */
public enum StsEndpoint {
    SECURITY_TOKEN_SERVICE("SecurityTokenService", Namespaces.WST_2005_02),
    NEW_SECURITY_TOKEN_SERVICE("NewSecurityTokenService", Namespaces.WST_2005_02),
    SOSI2OIOSAML("Sosi2OIOSaml", Namespaces.WST_1_3),
    OIOSAML2SOSI("OIOSaml2Sosi", Namespaces.WST_1_3),
    BST2SOSI("BST2SOSI", Namespaces.WST_1_3),
    BST2IDWS("Bst2Idws", Namespaces.WST_1_3),
    JWT2IDWS("JWT2Idws", Namespaces.WST_1_3),
    JWT2OIOSAML("JWT2OIOSaml", Namespaces.WST_1_3),
    DKNCPBST2EHDSIIDWS("DKNCPBST2EHDSIIdws", Namespaces.WST_1_3);

    private final String path;
    private final String trustNamespace;

    StsEndpoint(String path, String trustNamespace) {
        this.path = path;
        this.trustNamespace = trustNamespace;
    }

    /** The last path segment, e.g. {@code SecurityTokenService}. */
    public String path() {
        return path;
    }

    /** The WS-Trust namespace of this endpoint's messages and faults. */
    public String trustNamespace() {
        return trustNamespace;
    }

    public static Optional<StsEndpoint> byPath(String path) {
        for (StsEndpoint endpoint : values()) {
            if (endpoint.path.equals(path)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }
}
