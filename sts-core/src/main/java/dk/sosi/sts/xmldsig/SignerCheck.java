package dk.sosi.sts.xmldsig;

import java.security.cert.X509Certificate;

/**
 * Decides, before any signature arithmetic, whether the certificate that claims a signature may sign
 * at all (trusted chain, validity, revocation, whitelist): a refused signer costs no RSA operation.
 */
@FunctionalInterface
public interface SignerCheck {

    /** @throws dk.sosi.sts.fault.StsFault if {@code signer} is not trusted for this signature */
    void check(X509Certificate signer);
}
