package dk.sosi.sts.xmlenc;

import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. The XML-Enc key transports the STS wraps content keys with and accepts in encrypted
 * assertions: RSA only (symmetric key wrap and key agreement are refused unread, as no key for them is
 * configured anywhere).
 */
public enum KeyTransport {
    /**
     * RSA PKCS#1 v1.5: what the deployed clients unwrap (exchanges.md 2.8 S3) and the default. Open to
     * Bleichenbacher's attack where a receiver tells bad padding apart; ours never does.
     */
    RSA_1_5("rsa-1_5", "http://www.w3.org/2001/04/xmlenc#rsa-1_5", null, null),
    /** RSA-OAEP with MGF1-SHA-1; written with an explicit SHA-1 {@code ds:DigestMethod}, as OpenSAML and ADFS do. */
    RSA_OAEP_MGF1P("rsa-oaep-mgf1p", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p", OaepDigest.SHA1, null),
    /** XML-Enc 1.1 RSA-OAEP; written with SHA-256 as both digest and MGF1 hash. */
    RSA_OAEP("rsa-oaep", "http://www.w3.org/2009/xmlenc11#rsa-oaep", OaepDigest.SHA256, OaepDigest.SHA256);

    private final String shortName;
    private final String uri;
    private final OaepDigest digest;
    private final OaepDigest mgf;

    KeyTransport(String shortName, String uri, OaepDigest digest, OaepDigest mgf) {
        this.shortName = shortName;
        this.uri = uri;
        this.digest = digest;
        this.mgf = mgf;
    }

    /** The configuration name, e.g. {@code rsa-1_5}. */
    public String shortName() {
        return shortName;
    }

    /** The {@code EncryptionMethod} Algorithm URI. */
    public String uri() {
        return uri;
    }

    boolean isOaep() {
        return this != RSA_1_5;
    }

    /** Whether an {@code xenc11:MGF} may name the mask hash; {@code rsa-oaep-mgf1p} fixes it to SHA-1. */
    boolean namesMgf() {
        return this == RSA_OAEP;
    }

    /** The OAEP digest the STS writes, or {@code null} for PKCS#1 v1.5. */
    OaepDigest writtenDigest() {
        return digest;
    }

    /** The MGF1 hash the STS writes in {@code xenc11:MGF}, or {@code null} where none is written. */
    OaepDigest writtenMgf() {
        return mgf;
    }

    /** The transport whose {@link #uri()} is exactly {@code uri}, if any. */
    public static Optional<KeyTransport> byUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        for (KeyTransport transport : values()) {
            if (transport.uri.equals(uri)) {
                return Optional.of(transport);
            }
        }
        return Optional.empty();
    }

    /**
     * The transport named {@code name}: its {@link #shortName()} or its {@link #uri()}.
     *
     * @throws IllegalArgumentException if no transport has that name
     */
    public static KeyTransport parse(String name) {
        Objects.requireNonNull(name, "name");
        for (KeyTransport transport : values()) {
            if (transport.shortName.equals(name) || transport.uri.equals(name)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("Unknown key transport \"" + name
                + "\"; the STS knows rsa-1_5, rsa-oaep-mgf1p and rsa-oaep");
    }
}
