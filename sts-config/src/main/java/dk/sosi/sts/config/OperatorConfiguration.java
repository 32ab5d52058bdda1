package dk.sosi.sts.config;

import dk.sosi.sts.monitor.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.xml.XmlBeanDefinitionStoreException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericXmlApplicationContext;
import org.springframework.context.support.PropertySourcesPlaceholderConfigurer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The operator's Spring XML files in the configuration folder ({@code services.xml},
 * {@code interface.xml}, {@code cvr-rid.xml}, {@code idsas.xml}), loaded once at start-up on top of
 * the STS's infrastructure beans ({@code clock}, {@code crlStore}, {@code stsDatabase}, …), so an
 * edit takes effect on restart. A malformed file stops start-up with its name and line; a bean the files
 * lack that the shipped files have is taken from those, with a warning ({@link ShippedDefaultBeans}).
 */
public final class OperatorConfiguration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorConfiguration.class);

    /** The files, in load order; later files may refer to beans of earlier ones. */
    public static final List<String> FILES = List.of("services.xml", "interface.xml", "cvr-rid.xml", "idsas.xml");

    private final GenericXmlApplicationContext context;
    private final List<ShippedDefaultBeans.MissingBean> defaulted;

    private OperatorConfiguration(GenericXmlApplicationContext context, List<ShippedDefaultBeans.MissingBean> defaulted) {
        this.context = context;
        this.defaulted = defaulted;
    }

    /**
     * Loads exactly the files of {@code configDir} with {@code infrastructure} as parent; {@code ${sts.config.dir}} is
     * available.
     */
    public static OperatorConfiguration load(Path configDir, ApplicationContext infrastructure) {
        return load(configDir, infrastructure, files -> List.of());
    }

    /**
     * Loads the files of {@code configDir} as the STS does: as {@link #load}, with the shipped definition of each
     * bean they lack (a folder from an earlier release), each logged and listed in {@link #defaultedBeans()}.
     */
    public static OperatorConfiguration loadWithShippedDefaults(Path configDir, ApplicationContext infrastructure) {
        return load(configDir, infrastructure, ShippedDefaultBeans::fillIn);
    }

    private static OperatorConfiguration load(Path configDir, ApplicationContext infrastructure,
            Function<BeanDefinitionRegistry, List<ShippedDefaultBeans.MissingBean>> complete) {
        Objects.requireNonNull(configDir, "configDir");
        GenericXmlApplicationContext context = new GenericXmlApplicationContext();
        context.setParent(infrastructure);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sts",
                Map.of(StsEnvironment.CONFIG_DIR, configDir.toAbsolutePath().toString())));
        PropertySourcesPlaceholderConfigurer placeholders = new PropertySourcesPlaceholderConfigurer();
        placeholders.setEnvironment(context.getEnvironment());
        context.addBeanFactoryPostProcessor(placeholders);
        for (String name : FILES) {
            Path file = configDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new StartupException("Configuration file " + file + " is missing");
            }
            try {
                context.load(new FileSystemResource(file));
            } catch (XmlBeanDefinitionStoreException e) {
                throw new StartupException("Configuration file " + file + " is not valid at line " + e.getLineNumber()
                        + ": " + rootMessage(e), e);
            } catch (BeansException e) {
                throw new StartupException("Configuration file " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        List<ShippedDefaultBeans.MissingBean> defaulted = complete.apply(context);
        defaulted.forEach(missing -> LOG.warn("{}", missing.describe()));
        try {
            context.refresh();
        } catch (BeanCreationException e) {
            context.close();
            throw new StartupException("Bean '" + e.getBeanName() + "' in " + describe(e) + " cannot be created: "
                    + rootMessage(e), e);
        } catch (BeansException e) {
            context.close();
            throw new StartupException("The configuration in " + configDir + " is not valid: " + rootMessage(e), e);
        }
        return new OperatorConfiguration(context, defaulted);
    }

    /** The beans the operator's files lack, which {@link #loadWithShippedDefaults} took from the shipped files. */
    public List<ShippedDefaultBeans.MissingBean> defaultedBeans() {
        return defaulted;
    }

    /** The bean {@code id} from the operator's files, which must be a {@code type}. */
    public <T> T bean(String id, Class<T> type) {
        if (!context.containsBean(id)) {
            throw new StartupException("The configuration has no bean '" + id + "' (expected in " + FILES + ")");
        }
        try {
            return context.getBean(id, type);
        } catch (BeansException e) {
            throw new StartupException("Bean '" + id + "' must be a " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    /** The bean {@code id} when the operator's files declare it (a setting added in a later version may be missing). */
    public <T> Optional<T> optionalBean(String id, Class<T> type) {
        return context.containsBean(id) ? Optional.of(bean(id, type)) : Optional.empty();
    }

    /**
     * Every bean of the operator's files that is a {@code type}, including what factory beans made,
     * whose declared type may be narrower (a monitored client declares only its service interface).
     */
    public <T> List<T> beansOfType(Class<T> type) {
        return context.getBeansOfType(Object.class, false, false).values().stream()
                .filter(type::isInstance).map(type::cast).toList();
    }

    /** The checks of list {@code listId}, e.g. {@code statusServletList}. */
    public List<Check> checks(String listId) {
        List<?> list = bean(listId, List.class);
        for (Object element : list) {
            if (!(element instanceof Check)) {
                throw new StartupException("List '" + listId + "' holds " + element + ", which is not a monitoring check");
            }
        }
        return list.stream().map(Check.class::cast).toList();
    }

    /** The HTTP status of SOAP fault responses on every endpoint (the guide's default is 200). */
    public int httpCodeForFaultResponse() {
        int code = bean(BeanNames.HTTP_CODE_FOR_FAULT_RESPONSE, Integer.class);
        if (code < 200 || code > 599) {
            throw new StartupException(BeanNames.HTTP_CODE_FOR_FAULT_RESPONSE + " must be an HTTP status code, was " + code);
        }
        return code;
    }

    /**
     * The limits on request bodies: beans {@code maxRequestSizeBytes} (1 MiB), {@code requestArrivalTimeoutMillis}
     * (30 s) and {@code minRequestDataRate} (1024 bytes/s), each with its default when left out.
     */
    public RequestLimits requestLimits() {
        try {
            return new RequestLimits(
                    optionalNumber(BeanNames.MAX_REQUEST_SIZE_BYTES, RequestLimits.DEFAULT_MAX_REQUEST_SIZE_BYTES),
                    Duration.ofMillis(optionalNumber(BeanNames.REQUEST_ARRIVAL_TIMEOUT_MILLIS,
                            RequestLimits.DEFAULT_ARRIVAL_TIMEOUT.toMillis())),
                    optionalNumber(BeanNames.MIN_REQUEST_DATA_RATE, RequestLimits.DEFAULT_MIN_DATA_RATE));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private long optionalNumber(String id, long fallback) {
        return context.containsBean(id) ? bean(id, Number.class).longValue() : fallback;
    }

    /** A new collector from the prototype bean {@code serviceInfoCollector}. */
    public dk.sosi.sts.ServiceInfoCollector newServiceInfoCollector() {
        return bean(BeanNames.SERVICE_INFO_COLLECTOR, dk.sosi.sts.ServiceInfoCollector.class);
    }

    @Override
    public void close() {
        context.close();
    }

    private static String describe(BeanCreationException e) {
        return e.getResourceDescription() != null ? e.getResourceDescription() : "the configuration";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
