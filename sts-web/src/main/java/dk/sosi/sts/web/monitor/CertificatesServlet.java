package dk.sosi.sts.web.monitor;

import dk.sosi.sts.web.StsWebApplication;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /sts/certificates}: every certificate the STS uses or trusts, one line each; always 200 (the alarm page alarms). */
public final class CertificatesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = StsWebApplication.of(getServletContext()).certificateInventory().render();
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page);
    }
}
