package dk.sosi.sts.trust;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Thread-safe. Trust in the STS itself, for tokens it issued and gets back (Sosi2OIOSaml: "the id-card
 * must be signed by the STS"): its current signing certificate, or a previous one the operator keeps after
 * a key rollover, so that cards issued before the rollover keep working until they expire. The certificate
 * must still be within its validity period.
 */
public final class StsSelfTrust implements SignerCheck {

    private final StsKeys keys;
    private final CertificateValidity validity;

    /** @param keys asked on every check, so that a reloaded keystore or a rollover counts at once */
    public StsSelfTrust(StsKeys keys, CertificateValidity validity) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    @Override
    public void check(X509Certificate certificate) {
        if (!keys.current().trustedOwnCertificates().contains(certificate)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, FederationTrust.UNTRUSTED);
        }
        validity.check(certificate);
    }
}
