package dk.sosi.sts.web.soap;

import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsRequestHandler;
import dk.sosi.sts.exchange.StsResponse;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.util.Objects;
import javax.xml.transform.dom.DOMSource;
import jakarta.servlet.ServletRequest;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * One SOAP endpoint under {@code /sts/services/}: hands the whole envelope, as parsed by CXF's
 * hardened StAX reader, to the shared {@link StsRequestHandler} and writes back what it answers,
 * marking faults for {@link SoapHttpFilter}, which gives them the configured HTTP status.
 */
@WebServiceProvider
@ServiceMode(Service.Mode.MESSAGE)
public final class StsSoapEndpoint implements Provider<DOMSource> {

    private final StsEndpoint endpoint;
    private final StsRequestHandler handler;

    StsSoapEndpoint(StsEndpoint endpoint, StsRequestHandler handler) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Node node = request.getNode();
        Document document = node instanceof Document d ? d : node.getOwnerDocument();
        StsResponse response = handler.handle(endpoint, document);
        if (response.fault()) {
            SoapHttpFilter.markFault((ServletRequest) PhaseInterceptorChain.getCurrentMessage().get(AbstractHTTPDestination.HTTP_REQUEST));
        }
        return new DOMSource(response.envelope());
    }
}
