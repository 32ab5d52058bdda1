package dk.sosi.sts.web;

import dk.sosi.sts.config.StsApplication;
import dk.sosi.sts.config.StsEnvironment;
import dk.sosi.sts.db.DataSources;
import dk.sosi.sts.web.metrics.StsMetrics;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the STS when the web application starts, from the settings of {@link StsEnvironment}, and
 * stops it with the application. A configuration error stops the deployment with a message that
 * names the file or setting to fix.
 */
public final class StsWebApplication implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(StsWebApplication.class);
    private static final String ATTRIBUTE = StsApplication.class.getName();
    private static final String METRICS = StsMetrics.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        StsMetrics metrics = new StsMetrics();
        try {
            StsApplication application = StsApplication.start(StsEnvironment.fromSystem(), metrics);
            metrics.bindBackends(application.monitoredServices());
            metrics.bindCertificates(application.certificateInventory(), Clock.systemUTC());
            event.getServletContext().setAttribute(ATTRIBUTE, application);
            event.getServletContext().setAttribute(METRICS, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            LOG.error("The STS cannot start: {}", e.getMessage());
            throw e;
        }
    }

    /** Stops the STS and everything its libraries started, so that an undeployed application leaves nothing loaded. */
    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Object application = event.getServletContext().getAttribute(ATTRIBUTE);
        if (application instanceof StsApplication sts) {
            sts.close();
        }
        if (event.getServletContext().getAttribute(METRICS) instanceof StsMetrics metrics) {
            metrics.close();
        }
        DataSources.releaseDriver();
    }

    /** The metrics of the running STS of {@code context}. */
    public static StsMetrics metrics(ServletContext context) {
        return (StsMetrics) context.getAttribute(METRICS);
    }

    /** The running STS of {@code context}. */
    public static StsApplication of(ServletContext context) {
        Object application = context.getAttribute(ATTRIBUTE);
        if (!(application instanceof StsApplication sts)) {
            throw new IllegalStateException("The STS has not started");
        }
        return sts;
    }
}
