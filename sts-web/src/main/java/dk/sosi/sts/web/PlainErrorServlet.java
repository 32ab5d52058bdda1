package dk.sosi.sts.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers every address the STS does not serve, instead of the container's directory listing, and
 * every error the container raises, instead of its error page (which can show a stack trace): the
 * status and one line of plain text, nothing from the request.
 */
public final class PlainErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code : HttpServletResponse.SC_NOT_FOUND;
        if (response.isCommitted()) {
            return;
        }
        byte[] body = (status + " " + reason(status) + "\n").getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found: the STS serves /sts/services/…, /sts/status, /sts/alarm, /sts/checkstatus, "
                    + "/sts/certificates and /sts/metrics";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "Request too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            default -> status >= 500 ? "The STS could not answer this request" : "Refused";
        };
    }
}
