package dk.sosi.sts.config.dgws;

import dk.sosi.sts.exchange.dgws.DgwsSettings;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bean {@code securityTokenService} in services.xml: how the DGWS token service
 * ({@code SecurityTokenService}, {@code NewSecurityTokenService}) behaves. Set once by Spring; every
 * default is stated here and checked in {@link #toSettings()}.
 */
public final class DgwsConfigurationProperties {

    private String issuer = "SOSI-STS";
    private String authenticationLevels = "3,4";
    private int allowedDriftInSeconds = 300;
    private int idCardMaxAgeMinutes = 1440;
    private String dgws10TimeZone = "Europe/Copenhagen";
    private String acceptedSignatureAlgorithms = "rsa-sha1,rsa-sha256";
    private String hostingProviderSigners = "";
    private String federationTrustStoreFile;
    private String federationTrustStorePassword;

    /** The NCName the STS signs its id-cards as, e.g. {@code TEST1-NSP-STS}. */
    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    /** Comma-separated authentication levels the STS issues for, e.g. {@code 3,4}. */
    public void setAuthenticationLevels(String authenticationLevels) {
        this.authenticationLevels = authenticationLevels;
    }

    /** Seconds the incoming card's times may deviate (NotBefore, NotOnOrAfter, IssueInstant). */
    public void setAllowedDriftInSeconds(int allowedDriftInSeconds) {
        this.allowedDriftInSeconds = allowedDriftInSeconds;
    }

    /** Minutes after its NotBefore an incoming card is still accepted (24 hours by default). */
    public void setIdCardMaxAgeMinutes(int idCardMaxAgeMinutes) {
        this.idCardMaxAgeMinutes = idCardMaxAgeMinutes;
    }

    /** The zone of DGWS 1.0 times, which carry none. */
    public void setDgws10TimeZone(String dgws10TimeZone) {
        this.dgws10TimeZone = dgws10TimeZone;
    }

    /** Comma-separated signature algorithms accepted on incoming cards: {@code rsa-sha1}, {@code rsa-sha256}. */
    public void setAcceptedSignatureAlgorithms(String acceptedSignatureAlgorithms) {
        this.acceptedSignatureAlgorithms = acceptedSignatureAlgorithms;
    }

    /**
     * Comma-separated subject serial numbers (e.g. {@code CVR:12345678-FID:1234}) of certificates that may
     * sign id-cards whose {@code medcom:CareProviderID} is another organisation's CVR: hosting providers that
     * sign for their customers. Every other certificate that names a CVR may only sign for that CVR.
     */
    public void setHostingProviderSigners(String hostingProviderSigners) {
        this.hostingProviderSigners = hostingProviderSigners;
    }

    /** The keystore holding the federation's trusted root and intermediate CA certificates. */
    public void setFederationTrustStoreFile(String federationTrustStoreFile) {
        this.federationTrustStoreFile = federationTrustStoreFile;
    }

    public void setFederationTrustStorePassword(String federationTrustStorePassword) {
        this.federationTrustStorePassword = federationTrustStorePassword;
    }

    public String getFederationTrustStoreFile() {
        return federationTrustStoreFile;
    }

    public String getFederationTrustStorePassword() {
        return federationTrustStorePassword;
    }

    public DgwsSettings toSettings() {
        Set<Integer> levels = Arrays.stream(authenticationLevels.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).collect(Collectors.toSet());
        Set<SignatureAlgorithm> algorithms = Arrays.stream(acceptedSignatureAlgorithms.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(DgwsConfigurationProperties::algorithm).collect(Collectors.toSet());
        Set<String> hostingProviders = Arrays.stream(hostingProviderSigners.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new DgwsSettings(issuer, levels, Duration.ofSeconds(allowedDriftInSeconds), Duration.ofMinutes(idCardMaxAgeMinutes),
                ZoneId.of(dgws10TimeZone), algorithms, hostingProviders);
    }

    private static SignatureAlgorithm algorithm(String name) {
        return switch (name.toLowerCase()) {
            case "rsa-sha1" -> SignatureAlgorithm.RSA_SHA1;
            case "rsa-sha256" -> SignatureAlgorithm.RSA_SHA256;
            default -> throw new IllegalArgumentException("Unknown signature algorithm '" + name + "'; use rsa-sha1 or rsa-sha256");
        };
    }
}
