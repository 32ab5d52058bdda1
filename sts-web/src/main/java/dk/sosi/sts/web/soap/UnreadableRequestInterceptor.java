package dk.sosi.sts.web.soap;

import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsRequestHandler;
import dk.sosi.sts.exchange.StsResponse;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xml.SecureXml;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * Answers requests that CXF could not read before they reached the endpoint (not XML, a DOCTYPE,
 * too deep, not SOAP) with the STS's own fault envelope, so every fault has the same shape:
 * {@code faultcode}, {@code faultstring}, {@code faultactor}, and the configured HTTP status.
 */
final class UnreadableRequestInterceptor extends AbstractPhaseInterceptor<Message> {

    static final String NOT_XML = "The request is not a well-formed SOAP message (a DOCTYPE is never accepted): ";

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
        StsResponse response = handler.unreadable(endpoint, describe(failure));
        byte[] body = SecureXml.toBytes(response.envelope());
        http.setStatus(httpCodeForFaultResponse);
        http.setContentType("text/xml; charset=utf-8");
        http.setContentLength(body.length);
        try (OutputStream out = http.getOutputStream()) {
            out.write(body);
        } catch (IOException e) {
            throw new Fault(e);
        }
        message.getInterceptorChain().abort();
    }

    /** The caller's mistake as a precise fault; anything else stays an error of ours. */
    private static Throwable describe(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SoapHttpFilter.RequestTooLargeException) {
                return new StsFault(FaultCode.INVALID_REQUEST, t.getMessage());
            }
            if (t instanceof XMLStreamException || t instanceof org.xml.sax.SAXException) {
                return new StsFault(FaultCode.INVALID_REQUEST, NOT_XML + firstLine(t.getMessage()));
            }
        }
        if (failure instanceof Fault fault && fault.getCause() == null) {
            return new StsFault(FaultCode.INVALID_REQUEST, "The request is not a SOAP message this endpoint takes: "
                    + firstLine(fault.getMessage()));
        }
        return failure;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
