package dk.sosi.sts.config.oio;

import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.config.StartupException;
import dk.sosi.sts.config.TrustStores;
import dk.sosi.sts.config.monitor.TrustStoreCheckFactory;
import dk.sosi.sts.exchange.citizen.jwt.JwtCheck;
import dk.sosi.sts.trust.CertificateValidity;
import dk.sosi.sts.trust.KeystoreTrust;
import dk.sosi.sts.trust.ReloadingFile;
import dk.sosi.sts.trust.TrustStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds the {@link JwtCheck} of a JWT bean ({@code jwt2IdwsRequestHandler}, {@code sboRequestHandler}): its
 * {@code trustStoreFile} (JWTTrustStore, else the keystore of {@code jwtTrustStoreCheck}, read once for both) and its
 * {@code issuerStrategies}.
 */
final class JwtCheckFactory {

    /** The monitoring check of the JWT trust store, whose file is used when a bean names none. */
    static final String JWT_TRUST_STORE_CHECK_FACTORY = "&jwtTrustStoreCheck";
    private static final String LABEL = "JWTTrustStore";

    private final OperatorConfiguration operator;
    private final CertificateValidity validity;
    private final Clock clock;

    JwtCheckFactory(OperatorConfiguration operator, CertificateValidity validity, Clock clock) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    JwtCheck create(String bean, JwtRequestHandlerProperties properties, Duration allowedDrift) {
        return new JwtCheck(new KeystoreTrust(trustStore(bean, properties), validity), properties.issuerStrategies(), allowedDrift,
                clock);
    }

    private ReloadingFile<TrustStore> trustStore(String bean, JwtRequestHandlerProperties properties) {
        TrustStores stores = operator.optionalBean(BeanNames.TRUST_STORES, TrustStores.class).orElseGet(TrustStores::new);
        if (properties.trustStoreFile().isPresent()) {
            return stores.load(properties.trustStoreFile().get(), properties.trustStorePassword(),
                    LABEL + " (trustStoreFile of bean '" + bean + "')");
        }
        TrustStoreCheckFactory check = operator.optionalBean(JWT_TRUST_STORE_CHECK_FACTORY, TrustStoreCheckFactory.class)
                .orElseThrow(() -> new StartupException("The JWT exchanges need their trusted JWT issuers: set trustStoreFile and "
                        + "trustStorePassword on bean '" + bean + "' in services.xml"));
        return stores.load(check.getKeystoreFile(), check.getKeystorePassword(), LABEL);
    }
}
