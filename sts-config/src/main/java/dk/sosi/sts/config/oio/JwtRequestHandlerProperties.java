package dk.sosi.sts.config.oio;

import dk.sosi.sts.exchange.citizen.jwt.IssuerStrategy;
import dk.sosi.sts.exchange.citizen.jwt.JwtSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The bean {@code jwt2IdwsRequestHandler} in services.xml: the guide's JWT2Idws settings, for every audience (the
 * audiences are rows of {@code sts_audconf.audienceConfiguration}); {@link SboRequestHandlerProperties} adds what
 * JWT2OIOSaml's {@code sboRequestHandler} has more.
 */
public class JwtRequestHandlerProperties {

    private long fuzzyTime = 300_000;
    private int allowedDriftInSeconds = 300;
    private String trustStoreFile;
    private String trustStorePassword;
    private Map<String, IssuerStrategy> issuerStrategies = Map.of();

    /** Milliseconds back in time the issued token's validity starts. */
    public void setFuzzyTime(long fuzzyTime) {
        this.fuzzyTime = fuzzyTime;
    }

    /** Seconds the JWT's times (exp, nbf, iat) and the message's timestamp may be off. */
    public void setAllowedDriftInSeconds(int allowedDriftInSeconds) {
        this.allowedDriftInSeconds = allowedDriftInSeconds;
    }

    /** The keystore of the trusted JWT issuers (test-jwt-idp-trust.jks): alias = the JWT's kid. */
    public void setTrustStoreFile(String trustStoreFile) {
        this.trustStoreFile = trustStoreFile;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    /** The trusted issuers ({@code iss}) and the strategy that reads each one's claims, e.g. keyCloak or jtph. */
    public void setIssuerStrategies(Map<String, IssuerStrategy> issuerStrategies) {
        this.issuerStrategies = issuerStrategies == null ? Map.of() : Map.copyOf(issuerStrategies);
    }

    Optional<String> trustStoreFile() {
        return Optional.ofNullable(trustStoreFile).filter(file -> !file.isBlank());
    }

    String trustStorePassword() {
        return trustStorePassword;
    }

    Map<String, IssuerStrategy> issuerStrategies() {
        return issuerStrategies;
    }

    /** @throws IllegalArgumentException naming the property that is out of range */
    public JwtSettings toSettings() {
        if (fuzzyTime < 0) {
            throw new IllegalArgumentException("fuzzyTime must be 0 or more, was " + fuzzyTime);
        }
        if (allowedDriftInSeconds < 0) {
            throw new IllegalArgumentException("allowedDriftInSeconds must be 0 or more, was " + allowedDriftInSeconds);
        }
        return new JwtSettings(Duration.ofMillis(fuzzyTime), Duration.ofSeconds(allowedDriftInSeconds));
    }
}
