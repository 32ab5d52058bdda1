package dk.sosi.sts.trust;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;

/**
 * Thread-safe. Trust in the STS itself, for tokens it issued and gets back (Sosi2OIOSaml: "the id-card
 * must be signed by the STS"): its current signing certificate, or a previous one the operator keeps after
 * a key rollover, so that cards issued before the rollover keep working until they expire. The certificate
 * must still be within its validity period.
 */
public final class StsSelfTrust implements SignerCheck {

    private final Set<X509Certificate> own;
    private final CertificateValidity validity;

    public StsSelfTrust(StsCredential credential, CertificateValidity validity) {
        Objects.requireNonNull(credential, "credential");
        this.own = credential.trustedOwnCertificates();
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    @Override
    public void check(X509Certificate certificate) {
        if (!own.contains(certificate)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, FederationTrust.UNTRUSTED);
        }
        validity.check(certificate);
    }
}
