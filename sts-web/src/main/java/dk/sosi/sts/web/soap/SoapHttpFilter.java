package dk.sosi.sts.web.soap;

import dk.sosi.sts.web.StsWebApplication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP side of the SOAP endpoints that CXF does not let us decide:
 * <ul>
 * <li>a request without a {@code charset} parameter is read as UTF-8, the default of XML, not the
 * ISO-8859-1 the container assumes for {@code text/*}: clients post {@code text/xml} and
 * {@code application/soap+xml} with and without one (protocol.md 4.1), and a card signed over
 * "Lægehus" must read the same on both sides;</li>
 * <li>a fault answered by an endpoint gets the HTTP status {@code httpCodeForFaultResponse}
 * (services.xml; the guide's default is 200), where CXF would always send 500.</li>
 * </ul>
 */
public final class SoapHttpFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String FAULT_ANSWERED = SoapHttpFilter.class.getName() + ".fault";

    /** Marks the answer to {@code request} as a SOAP fault. */
    static void markFault(ServletRequest request) {
        request.setAttribute(FAULT_ANSWERED, Boolean.TRUE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.toLowerCase().contains("charset=")) {
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        int faultStatus = StsWebApplication.of(getServletContext()).httpCodeForFaultResponse();
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                super.setStatus(Boolean.TRUE.equals(request.getAttribute(FAULT_ANSWERED)) ? faultStatus : status);
            }
        });
    }
}
