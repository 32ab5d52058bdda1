package dk.sosi.sts.web.soap;

import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsRequestHandler;
import dk.sosi.sts.exchange.StsResponse;
import jakarta.annotation.Resource;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.util.Objects;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * One SOAP endpoint under {@code /sts/services/}: hands the whole envelope, as parsed by CXF's
 * hardened StAX reader, to the shared {@link StsRequestHandler} and writes back what it answers,
 * with the HTTP status {@code httpCodeForFaultResponse} when that is a fault.
 */
@WebServiceProvider
@ServiceMode(Service.Mode.MESSAGE)
public final class StsSoapEndpoint implements Provider<DOMSource> {

    private final StsEndpoint endpoint;
    private final StsRequestHandler handler;
    private final int httpCodeForFaultResponse;

    @Resource
    private WebServiceContext context;

    StsSoapEndpoint(StsEndpoint endpoint, StsRequestHandler handler, int httpCodeForFaultResponse) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.httpCodeForFaultResponse = httpCodeForFaultResponse;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Node node = request.getNode();
        Document document = node instanceof Document d ? d : node.getOwnerDocument();
        StsResponse response = handler.handle(endpoint, document);
        if (response.fault()) {
            context.getMessageContext().put(MessageContext.HTTP_RESPONSE_CODE, httpCodeForFaultResponse);
        }
        return new DOMSource(response.envelope());
    }
}
