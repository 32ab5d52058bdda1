package dk.sosi.sts.web.soap;

import dk.sosi.sts.exchange.StsEndpoint;
import jakarta.servlet.ServletConfig;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * The CXF servlet at {@code /sts/services/*}: publishes one SOAP endpoint per {@link StsEndpoint}, whose
 * WSDL it serves at {@code ?wsdl}. SOAP requests themselves never reach it: {@link SoapHttpFilter} in
 * front of it reads and answers every POST.
 */
public final class StsCxfServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void loadBus(ServletConfig config) {
        super.loadBus(config);
        Bus bus = getBus();
        for (StsEndpoint endpoint : StsEndpoint.values()) {
            for (String path : endpoint.paths()) {
                JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
                factory.setBus(bus);
                factory.setAddress("/" + path);
                factory.setServiceBean(new StsSoapEndpoint());
                factory.create();
            }
        }
    }
}
