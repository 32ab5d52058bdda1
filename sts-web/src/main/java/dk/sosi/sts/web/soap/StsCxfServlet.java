package dk.sosi.sts.web.soap;

import dk.sosi.sts.config.StsApplication;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.web.StsWebApplication;
import jakarta.servlet.ServletConfig;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * The CXF servlet at {@code /sts/services/*}: publishes one SOAP endpoint per {@link StsEndpoint},
 * all on the shared request handler of the running STS.
 */
public final class StsCxfServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void loadBus(ServletConfig config) {
        super.loadBus(config);
        StsApplication sts = StsWebApplication.of(config.getServletContext());
        Bus bus = getBus();
        for (StsEndpoint endpoint : StsEndpoint.values()) {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/" + endpoint.path());
            factory.setServiceBean(new StsSoapEndpoint());
            factory.getInInterceptors().add(
                    new DirectSoapInterceptor(endpoint, sts.requestHandler(), sts.httpCodeForFaultResponse()));
            factory.getOutFaultInterceptors().add(
                    new UnreadableRequestInterceptor(endpoint, sts.requestHandler(), sts.httpCodeForFaultResponse()));
            factory.create();
        }
    }
}
