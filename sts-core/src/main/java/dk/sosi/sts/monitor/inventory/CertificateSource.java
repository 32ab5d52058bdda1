package dk.sosi.sts.monitor.inventory;

import java.util.List;

/**
 * Thread-safe. The certificates of one place the STS is configured in (a keystore, the configuration
 * tables), each with its status now.
 */
@FunctionalInterface
public interface CertificateSource {

    /**
     * @throws dk.sosi.sts.configuration.ConfigurationUnavailableException when the place is the
     *     database and it has not been read since start
     */
    List<CertificateEntry> entries();
}
