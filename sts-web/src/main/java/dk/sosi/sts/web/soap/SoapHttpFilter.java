package dk.sosi.sts.web.soap;

import dk.sosi.sts.config.StsApplication;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsResponse;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.web.StsWebApplication;
import dk.sosi.sts.xml.SecureXml;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP side of the SOAP endpoints that CXF does not let us decide:
 * <ul>
 * <li>a request larger than {@code maxRequestSizeBytes} (services.xml) is refused with 413 and a SOAP
 * fault, before it is read when it says its length, else as soon as it passes the limit;</li>
 * <li>a request without a {@code charset} parameter is read as UTF-8, the default of XML, not the
 * ISO-8859-1 the container assumes for {@code text/*}: clients post {@code text/xml} and
 * {@code application/soap+xml} with and without one (protocol.md 4.1), and a card signed over
 * "Lægehus" must read the same on both sides;</li>
 * </ul>
 */
public final class SoapHttpFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String TOO_LARGE = "The request is larger than the %d bytes the STS accepts";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        StsApplication sts = StsWebApplication.of(getServletContext());
        long limit = sts.maxRequestSizeBytes();
        if (request.getContentLengthLong() > limit) {
            refuseTooLarge(request, response, sts, limit);
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !contentType.toLowerCase().contains("charset=")) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, StsApplication sts, long limit)
            throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        StsEndpoint endpoint = StsEndpoint.byPath(path).orElse(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE);
        StsResponse fault = sts.requestHandler().unreadable(endpoint, new StsFault(FaultCode.INVALID_REQUEST,
                String.format(TOO_LARGE, limit)));
        byte[] body = SecureXml.toBytes(fault.envelope());
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close"); // do not read the rest of a body we refuse
        response.setContentType("text/xml; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Thrown by the request body once it passes the limit; CXF's failure to read then becomes our fault. */
    static final class RequestTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        RequestTooLargeException(long limit) {
            super(String.format(TOO_LARGE, limit));
        }
    }

    /** A request whose body stops at {@code limit} bytes, for bodies that do not say their length. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new RequestTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
