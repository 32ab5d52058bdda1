package dk.sosi.sts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.core.io.ClassPathResource;

/** Which beans of the shipped files an operator's files lack, and what filling them in adds. */
class ShippedDefaultBeansTest {

    private static DefaultListableBeanFactory shippedExcept(String... left) {
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        XmlBeanDefinitionReader reader = new XmlBeanDefinitionReader(registry);
        for (String file : OperatorConfiguration.FILES) {
            reader.loadBeanDefinitions(new ClassPathResource(DefaultConfigurationFiles.LOCATION + file));
        }
        for (String bean : left) {
            registry.removeBeanDefinition(bean);
        }
        return registry;
    }

    @Test
    void missingWhenTheShippedFilesThenNone() {
        assertEquals(List.of(), ShippedDefaultBeans.missing(shippedExcept()));
    }

    @Test
    void missingWhenBeansAddedSinceAreLeftOutThenEachWithItsFile() {
        DefaultListableBeanFactory older = shippedExcept("securityTokenService", "crlFetcher", "certificateExpiryWarning",
                "monitorIdsasCheck");

        assertEquals(List.of(new ShippedDefaultBeans.MissingBean("services.xml", "securityTokenService"),
                new ShippedDefaultBeans.MissingBean("services.xml", "crlFetcher"),
                new ShippedDefaultBeans.MissingBean("services.xml", "certificateExpiryWarning"),
                new ShippedDefaultBeans.MissingBean("idsas.xml", "monitorIdsasCheck")), ShippedDefaultBeans.missing(older));
    }

    @Test
    void missingWhenAnOptionalBeanIsLeftOutThenNotReported() {
        assertEquals(List.of(), ShippedDefaultBeans.missing(shippedExcept("nboConfiguration", "tokenIssuer", "maxRequestSizeBytes")));
    }

    @Test
    void fillInWhenABeanIsMissingThenTheShippedDefinitionIsAdded() {
        DefaultListableBeanFactory older = shippedExcept("crlFetcher");

        List<ShippedDefaultBeans.MissingBean> added = ShippedDefaultBeans.fillIn(older);

        assertEquals(List.of(new ShippedDefaultBeans.MissingBean("services.xml", "crlFetcher")), added);
        assertEquals("dk.sosi.sts.config.crl.CrlFetcherProperties", older.getBeanDefinition("crlFetcher").getBeanClassName());
        assertEquals(List.of(), ShippedDefaultBeans.missing(older));
    }

    @Test
    void describeWhenMissingThenOneLineNamingBeanAndFile() {
        assertEquals("services.xml has no bean 'crlFetcher': the shipped default is used; copy it from the shipped services.xml",
                new ShippedDefaultBeans.MissingBean("services.xml", "crlFetcher").describe());
    }
}
