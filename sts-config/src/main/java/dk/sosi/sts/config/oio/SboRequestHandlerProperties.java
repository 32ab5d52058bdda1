package dk.sosi.sts.config.oio;

import dk.sosi.sts.exchange.jwt2oiosaml.SboSettings;

/**
 * The bean {@code sboRequestHandler} in services.xml: the guide's JWT2OIOSaml settings, those of
 * {@code jwt2IdwsRequestHandler} and {@code checkTargetCertificate}.
 */
public final class SboRequestHandlerProperties extends JwtRequestHandlerProperties {

    private boolean checkTargetCertificate = true;

    /** Whether an audience's publicKey certificate must be valid and not revoked before the STS encrypts to it. */
    public void setCheckTargetCertificate(boolean checkTargetCertificate) {
        this.checkTargetCertificate = checkTargetCertificate;
    }

    /** @throws IllegalArgumentException naming the property that is out of range */
    public SboSettings toSboSettings() {
        return new SboSettings(toSettings(), checkTargetCertificate);
    }
}
