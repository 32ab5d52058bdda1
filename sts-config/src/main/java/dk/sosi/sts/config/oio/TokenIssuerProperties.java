package dk.sosi.sts.config.oio;

import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.util.Optional;

/**
 * The bean {@code tokenIssuer} in services.xml (not in the guide, which is silent: exchanges.md OQ-1): how
 * the STS names itself in the SAML assertions of the OIO exchanges and how it signs them and its answers.
 * Id-cards keep the NCName of {@code securityTokenService.issuer}.
 */
public final class TokenIssuerProperties {

    private String issuer;
    private String signatureAlgorithm = "rsa-sha256";

    /** The {@code saml:Issuer} of OIOSAML, IDWS and eHDSI assertions; the id-card issuer when left out. */
    public void setIssuer(String issuer) {
        this.issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
    }

    /** {@code rsa-sha256} (default) or {@code rsa-sha1}, as the 2020 national STS signed. */
    public void setSignatureAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** @throws IllegalArgumentException for an algorithm other than rsa-sha1 and rsa-sha256 */
    public SignatureAlgorithm signatureAlgorithm() {
        return switch (signatureAlgorithm == null ? "" : signatureAlgorithm.strip().toLowerCase()) {
            case "rsa-sha256" -> SignatureAlgorithm.RSA_SHA256;
            case "rsa-sha1" -> SignatureAlgorithm.RSA_SHA1;
            default -> throw new IllegalArgumentException("signatureAlgorithm must be rsa-sha256 or rsa-sha1, was '"
                    + signatureAlgorithm + "'");
        };
    }
}
