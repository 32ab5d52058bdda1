package dk.sosi.sts.demo.launcher;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Signature;

/**
 * The JCA provider the STS signs and verifies with, chosen per JVM by {@value #SETTING}: {@code jdk}
 * (the default) or {@code accp}, Amazon Corretto Crypto Provider, a native provider measured here at
 * about 1.5 times the JDK's RSA signing rate. Installing a provider is JVM-wide, so only the launcher,
 * which owns its JVM, does it; a WildFly operator installs one in the server instead.
 */
public final class CryptoProvider {

    public static final String SETTING = "sts.crypto.provider";

    private CryptoProvider() {
    }

    /** Installs the provider the setting names; returns the provider {@code SHA256withRSA} now comes from. */
    public static String installFromSetting() throws Exception {
        String choice = System.getProperty(SETTING, System.getenv().getOrDefault("STS_CRYPTO_PROVIDER", "jdk"));
        switch (choice.toLowerCase()) {
            case "jdk" -> {
                // the JDK's providers, as installed
            }
            case "accp" -> {
                AmazonCorrettoCryptoProvider.install();
                AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
            }
            default -> throw new IllegalArgumentException(SETTING + " must be jdk or accp, was " + choice);
        }
        return Signature.getInstance("SHA256withRSA").getProvider().getName();
    }
}
