package dk.sosi.sts.exchange;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Immutable. The token-exchange endpoints under {@code /sts/services/}, named as clients call them. */
public enum StsEndpoint {
    SECURITY_TOKEN_SERVICE("SecurityTokenService", Family.DGWS),
    NEW_SECURITY_TOKEN_SERVICE("NewSecurityTokenService", Family.DGWS),
    SOSI2OIOSAML("Sosi2OIOSaml", Family.OIO),
    OIOSAML2SOSI("OIOSaml2Sosi", Family.OIO),
    BST2SOSI("BST2SOSI", Family.OIO),
    BST2IDWS("Bst2Idws", Family.OIO),
    /** The guide also names it {@code JWTIdws} once; that address answers too (exchanges.md C-T1). */
    JWT2IDWS("JWT2Idws", Family.OIO, "JWTIdws"),
    JWT2OIOSAML("JWT2OIOSaml", Family.OIO),
    DKNCPBST2EHDSIIDWS("DKNCPBST2EHDSIIdws", Family.OIO);

    /** The protocol an endpoint speaks, and so the envelopes it answers with. */
    public enum Family {
        /** DGWS 1.0/1.0.1 over WS-Trust 2005/02 (protocol.md). */
        DGWS,
        /** OIO WS-Trust 1.3 with WS-Addressing 1.0 (exchanges.md 2). */
        OIO
    }

    private final String path;
    private final Family family;
    private final List<String> aliases;

    StsEndpoint(String path, Family family, String... aliases) {
        this.path = path;
        this.family = family;
        this.aliases = List.of(aliases);
    }

    public Family family() {
        return family;
    }

    /** The last path segment, e.g. {@code SecurityTokenService}. */
    public String path() {
        return path;
    }

    /** Every last path segment the endpoint answers at: its own and its aliases. */
    public List<String> paths() {
        return Stream.concat(Stream.of(path), aliases.stream()).toList();
    }

    public static Optional<StsEndpoint> byPath(String path) {
        for (StsEndpoint endpoint : values()) {
            if (endpoint.path.equals(path) || endpoint.aliases.contains(path)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }
}
