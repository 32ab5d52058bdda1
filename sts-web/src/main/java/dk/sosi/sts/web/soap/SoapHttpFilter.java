package dk.sosi.sts.web.soap;

import dk.sosi.sts.config.RequestLimits;
import dk.sosi.sts.config.StsApplication;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.web.StsWebApplication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP front of every SOAP endpoint under {@code /sts/services/}. A POST's body is read without
 * holding a server thread ({@link RequestBody}) within the {@link RequestLimits}, parsed once by the
 * STS's hardened parser and answered by the shared request handler; CXF only serves {@code ?wsdl}.
 * Everything else an HTTP client can get wrong ends here in a SOAP fault with a precise text and
 * status, never a container error page:
 * <ul>
 * <li>a path that names no endpoint: 404;</li>
 * <li>a method other than POST, or a query other than {@code ?wsdl}: a fault with the status of
 * {@code httpCodeForFaultResponse};</li>
 * <li>a body larger than {@code maxRequestSizeBytes}: 413, before it is read when it says its length;</li>
 * <li>a charset the JVM does not know: 415. A request without one is read as UTF-8, the default of XML,
 * not the ISO-8859-1 the container assumes for {@code text/*} (clients post {@code text/xml} and
 * {@code application/soap+xml} with and without one, protocol.md 4.1);</li>
 * <li>a body that arrives too slowly or not completely: 408 (see {@link RequestBody}).</li>
 * </ul>
 */
public final class SoapHttpFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String NO_ENDPOINT = "No STS endpoint at this address; the endpoints are /sts/services/ followed by one of "
            + "SecurityTokenService, NewSecurityTokenService, Sosi2OIOSaml, OIOSaml2Sosi, BST2SOSI, Bst2Idws, JWT2Idws, "
            + "JWT2OIOSaml, DKNCPBST2EHDSIIdws";
    static final String ONLY_POST = "Send the SOAP request as an HTTP POST; this was %s";
    static final String ONLY_WSDL_QUERY = "A GET to an STS endpoint serves only its WSDL (?wsdl); send SOAP requests as an HTTP POST";
    static final String TOO_LARGE = "The request is larger than the %d bytes the STS accepts";
    static final String UNKNOWN_CHARSET = "The Content-Type names a charset the STS cannot read; send UTF-8";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        StsApplication sts = StsWebApplication.of(getServletContext());
        Optional<StsEndpoint> endpoint = StsEndpoint.byPath(endpointPath(request));
        if (endpoint.isEmpty()) {
            SoapAnswers.refuse(sts, StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, new StsFault(FaultCode.INVALID_REQUEST, NO_ENDPOINT),
                    response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String method = request.getMethod();
        if ("GET".equals(method) && "wsdl".equalsIgnoreCase(request.getQueryString())) {
            chain.doFilter(request, response);
            return;
        }
        if (!"POST".equals(method)) {
            String text = "GET".equals(method) && request.getQueryString() != null ? ONLY_WSDL_QUERY
                    : String.format(ONLY_POST, method.length() > 16 ? "another method" : method);
            SoapAnswers.refuse(sts, endpoint.get(), new StsFault(FaultCode.INVALID_REQUEST, text), response,
                    sts.httpCodeForFaultResponse());
            return;
        }
        RequestLimits limits = sts.requestLimits();
        if (request.getContentLengthLong() > limits.maxRequestSizeBytes()) {
            response.setHeader("Connection", "close"); // do not read the body we refuse
            SoapAnswers.refuse(sts, endpoint.get(), tooLarge(limits), response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Optional<Charset> charset;
        try {
            charset = charset(request.getHeader("Content-Type"));
        } catch (IllegalArgumentException e) {
            SoapAnswers.refuse(sts, endpoint.get(), new StsFault(FaultCode.INVALID_REQUEST, UNKNOWN_CHARSET), response,
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        new RequestBody(request, response, sts, endpoint.get(), charset).read();
    }

    static StsFault tooLarge(RequestLimits limits) {
        return new StsFault(FaultCode.INVALID_REQUEST, String.format(TOO_LARGE, limits.maxRequestSizeBytes()));
    }

    /** The endpoint's name: the path after {@code /services/}, e.g. {@code NewSecurityTokenService}. */
    private static String endpointPath(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() < 2 ? "" : path.substring(1);
    }

    /**
     * The charset parameter of {@code contentType}, read by hand: the container's own parsing throws
     * for a charset the JVM does not know.
     *
     * @throws IllegalArgumentException for a charset name the JVM cannot read
     */
    static Optional<Charset> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                String name = pair[1].trim();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new IllegalArgumentException(UNKNOWN_CHARSET, e);
                }
            }
        }
        return Optional.empty();
    }
}
