package dk.sosi.sts.web.soap;

import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsRequestHandler;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * Answers what CXF refuses itself, such as a GET without {@code ?wsdl} or a body it cannot read (SOAP
 * POSTs never get here: {@link DirectSoapInterceptor} answers them), with the STS's own fault envelope,
 * so every fault has the same shape:
 * {@code faultcode}, {@code faultstring}, {@code faultactor}, and the configured HTTP status.
 */
final class UnreadableRequestInterceptor extends AbstractPhaseInterceptor<Message> {

    static final String NOT_SOAP = "The request is not a SOAP message this endpoint takes: ";

    private final StsEndpoint endpoint;
    private final StsRequestHandler handler;
    private final int httpCodeForFaultResponse;

    UnreadableRequestInterceptor(StsEndpoint endpoint, StsRequestHandler handler, int httpCodeForFaultResponse) {
        super(Phase.SETUP);
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.httpCodeForFaultResponse = httpCodeForFaultResponse;
    }

    @Override
    public void handleMessage(Message message) {
        Exception failure = message.getContent(Exception.class);
        HttpServletResponse http = (HttpServletResponse) message.getExchange().getInMessage()
                .get(AbstractHTTPDestination.HTTP_RESPONSE);
        if (http == null || http.isCommitted()) {
            return;
        }
        DirectSoapInterceptor.write(handler.unreadable(endpoint, describe(failure)), http, httpCodeForFaultResponse);
        message.getInterceptorChain().abort();
    }

    /** The caller's mistake as a precise fault; anything else stays an error of ours. */
    private static Throwable describe(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException || t instanceof SoapHttpFilter.RequestTooLargeException) {
                return DirectSoapInterceptor.refusal(t);
            }
        }
        if (failure instanceof Fault fault && fault.getCause() == null) {
            return new StsFault(FaultCode.INVALID_REQUEST, NOT_SOAP + DirectSoapInterceptor.firstLine(fault.getMessage()));
        }
        return failure;
    }
}
