package dk.sosi.sts.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.core.io.ClassPathResource;

/**
 * Stateless. Lets a configuration folder from an earlier release keep working: a bean of the shipped
 * {@code services.xml}, {@code interface.xml}, {@code cvr-rid.xml} or {@code idsas.xml} that the operator's files
 * lack (say {@code crlFetcher} or {@code certificateExpiryWarning}, added since) is taken from the shipped file,
 * as it is there. The one place that decides which beans those are, for the STS and for {@code sts-admin check}.
 */
public final class ShippedDefaultBeans {

    /**
     * Beans whose absence the STS has always handled itself, in a way the shipped definition would change:
     * {@code nboConfiguration} then trusts the keystore of {@code nboTrustStoreCheck}, the JWT handlers that of
     * {@code jwtTrustStoreCheck}, {@code tokenIssuer} names the issuer of {@code securityTokenService}; the others
     * take the guide's defaults.
     */
    static final Set<String> OPTIONAL = Set.of("nboConfiguration", "jwt2IdwsRequestHandler", "sboRequestHandler",
            "tokenIssuer", "iboRequestHandler", "BST2SOSIRequestHandler", BeanNames.MAX_REQUEST_SIZE_BYTES,
            BeanNames.REQUEST_ARRIVAL_TIMEOUT_MILLIS, BeanNames.MIN_REQUEST_DATA_RATE);

    private ShippedDefaultBeans() {
    }

    /** A bean of the shipped {@code file} that the operator's files lack. */
    public record MissingBean(String file, String bean) {

        public MissingBean {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(bean, "bean");
        }

        /** One line for a log, a status page or {@code sts-admin check}. */
        public String describe() {
            return file + " has no bean '" + bean + "': the shipped default is used; copy it from the shipped " + file;
        }
    }

    /** The shipped beans that {@code operator} (the operator's files, read but not refreshed) lacks. */
    public static List<MissingBean> missing(BeanDefinitionRegistry operator) {
        Objects.requireNonNull(operator, "operator");
        List<MissingBean> missing = new ArrayList<>();
        for (String file : OperatorConfiguration.FILES) {
            BeanDefinitionRegistry shipped = shipped(file);
            for (String bean : shipped.getBeanDefinitionNames()) {
                if (!OPTIONAL.contains(bean) && !operator.containsBeanDefinition(bean) && !operator.isAlias(bean)) {
                    missing.add(new MissingBean(file, bean));
                }
            }
        }
        return List.copyOf(missing);
    }

    /** Adds to {@code operator} the shipped definition of each bean it lacks; returns those beans. */
    public static List<MissingBean> fillIn(BeanDefinitionRegistry operator) {
        List<MissingBean> missing = missing(operator);
        for (MissingBean bean : missing) {
            AbstractBeanDefinition definition = (AbstractBeanDefinition) shipped(bean.file()).getBeanDefinition(bean.bean());
            definition.setResourceDescription("the shipped default " + bean.file());
            operator.registerBeanDefinition(bean.bean(), definition);
        }
        return missing;
    }

    private static BeanDefinitionRegistry shipped(String file) {
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        new XmlBeanDefinitionReader(registry).loadBeanDefinitions(new ClassPathResource(DefaultConfigurationFiles.LOCATION + file));
        return registry;
    }
}
