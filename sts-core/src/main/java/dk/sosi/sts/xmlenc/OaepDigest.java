package dk.sosi.sts.xmlenc;

import java.util.Optional;

/**
 * Immutable. The hashes accepted in RSA-OAEP, as {@code ds:DigestMethod} and as {@code xenc11:MGF}: the
 * SHA-1 and SHA-2 family. SHA-1 stays, because OAEP needs no collision resistance and it is the default
 * both URIs fall back to; MD5, RIPEMD and SHA-224 are refused.
 */
enum OaepDigest {
    SHA1("http://www.w3.org/2000/09/xmldsig#sha1", "http://www.w3.org/2009/xmlenc11#mgf1sha1", "SHA-1"),
    SHA256("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2009/xmlenc11#mgf1sha256", "SHA-256"),
    SHA384("http://www.w3.org/2001/04/xmldsig-more#sha384", "http://www.w3.org/2009/xmlenc11#mgf1sha384", "SHA-384"),
    SHA512("http://www.w3.org/2001/04/xmlenc#sha512", "http://www.w3.org/2009/xmlenc11#mgf1sha512", "SHA-512");

    private final String digestUri;
    private final String mgfUri;
    private final String jcaName;

    OaepDigest(String digestUri, String mgfUri, String jcaName) {
        this.digestUri = digestUri;
        this.mgfUri = mgfUri;
        this.jcaName = jcaName;
    }

    String digestUri() {
        return digestUri;
    }

    String mgfUri() {
        return mgfUri;
    }

    /** The JCA name, e.g. {@code SHA-256}, for {@code OAEPParameterSpec} and {@code MGF1ParameterSpec}. */
    String jcaName() {
        return jcaName;
    }

    static Optional<OaepDigest> byDigestUri(String uri) {
        for (OaepDigest digest : values()) {
            if (digest.digestUri.equals(uri)) {
                return Optional.of(digest);
            }
        }
        return Optional.empty();
    }

    static Optional<OaepDigest> byMgfUri(String uri) {
        for (OaepDigest digest : values()) {
            if (digest.mgfUri.equals(uri)) {
                return Optional.of(digest);
            }
        }
        return Optional.empty();
    }
}
