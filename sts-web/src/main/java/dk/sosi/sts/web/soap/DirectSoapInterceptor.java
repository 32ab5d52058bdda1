package dk.sosi.sts.web.soap;

import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsRequestHandler;
import dk.sosi.sts.exchange.StsResponse;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xml.MalformedXmlException;
import dk.sosi.sts.xml.SecureXml;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.w3c.dom.Document;

/**
 * Answers a SOAP POST to an STS endpoint as soon as CXF has routed it: the body is parsed once by the
 * STS's hardened parser into a plain DOM, handled, and the answer written straight to the HTTP
 * response. CXF's own message-mode path would build and copy the envelope through SAAJ twice, in and
 * out, which the benchmark showed to cost as much CPU as the token exchange itself.
 */
final class DirectSoapInterceptor extends AbstractPhaseInterceptor<Message> {

    static final String ONLY_POST = "Send the SOAP request as an HTTP POST; this was %s";
    static final String NOT_XML = "The request is not a well-formed SOAP message (a DOCTYPE is never accepted): ";

    private final StsEndpoint endpoint;
    private final StsRequestHandler handler;
    private final int httpCodeForFaultResponse;

    DirectSoapInterceptor(StsEndpoint endpoint, StsRequestHandler handler, int httpCodeForFaultResponse) {
        super(Phase.RECEIVE);
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.httpCodeForFaultResponse = httpCodeForFaultResponse;
    }

    @Override
    public void handleMessage(Message message) {
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
        if (request == null || response == null || isWsdlRequest(request)) {
            return; // CXF answers ?wsdl
        }
        StsResponse answer;
        if (!"POST".equals(request.getMethod())) {
            answer = handler.unreadable(endpoint, new StsFault(FaultCode.INVALID_REQUEST, String.format(ONLY_POST, request.getMethod())));
            write(answer, response, httpCodeForFaultResponse);
            message.getInterceptorChain().abort();
            return;
        }
        try {
            Document document = SecureXml.parse(message.getContent(InputStream.class));
            answer = handler.handle(endpoint, document);
        } catch (MalformedXmlException e) {
            answer = handler.unreadable(endpoint, refusal(e));
        }
        write(answer, response, httpCodeForFaultResponse);
        message.getInterceptorChain().abort();
    }

    private static boolean isWsdlRequest(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getQueryString() != null
                && request.getQueryString().toLowerCase().startsWith("wsdl");
    }

    /** The caller's unreadable request as a precise fault: too large, or not well-formed XML. */
    static StsFault refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SoapHttpFilter.RequestTooLargeException) {
                return new StsFault(FaultCode.INVALID_REQUEST, t.getMessage());
            }
        }
        return new StsFault(FaultCode.INVALID_REQUEST, NOT_XML + firstLine(failure.getMessage()));
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Writes {@code answer}, a fault with HTTP status {@code httpCodeForFaultResponse} (services.xml; CXF would send 500). */
    static void write(StsResponse answer, HttpServletResponse response, int httpCodeForFaultResponse) {
        byte[] body = SecureXml.toBytes(answer.envelope());
        response.setStatus(answer.fault() ? httpCodeForFaultResponse : HttpServletResponse.SC_OK);
        response.setContentType("text/xml; charset=utf-8");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        } catch (IOException e) {
            throw new Fault(e);
        }
    }
}
