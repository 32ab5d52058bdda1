package dk.sosi.sts.xmldsig;

import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. The XML-DSig signature algorithms the STS signs and verifies with, each with the digest it
 * pairs with. RSA only: HMAC, DSA, ECDSA and MD5 are never accepted.
 */
public enum SignatureAlgorithm {
    /** rsa-sha1 with sha1 digests: what Seal.Java and the national STS sign DGWS cards with (protocol.md 3.6). */
    RSA_SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1"),
    /** rsa-sha256 with sha256 digests: what newer clients (unsealed) sign cards with. */
    RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256"),
    /** rsa-sha384 with sha384 digests, accepted on OIO messages (exchanges.md 2.4). */
    RSA_SHA384("http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "http://www.w3.org/2001/04/xmldsig-more#sha384"),
    /** rsa-sha512 with sha512 digests, accepted on OIO messages (exchanges.md 2.4). */
    RSA_SHA512("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "http://www.w3.org/2001/04/xmlenc#sha512");

    private final String signatureUri;
    private final String digestUri;

    SignatureAlgorithm(String signatureUri, String digestUri) {
        this.signatureUri = signatureUri;
        this.digestUri = digestUri;
    }

    /** The {@code SignatureMethod} Algorithm URI. */
    public String signatureUri() {
        return signatureUri;
    }

    /** The {@code DigestMethod} Algorithm URI of its references. */
    public String digestUri() {
        return digestUri;
    }

    /** The algorithm whose {@link #signatureUri()} is exactly {@code uri}, if any. */
    public static Optional<SignatureAlgorithm> bySignatureUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.signatureUri.equals(uri)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose {@link #digestUri()} is exactly {@code uri}, if any. */
    public static Optional<SignatureAlgorithm> byDigestUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.digestUri.equals(uri)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
