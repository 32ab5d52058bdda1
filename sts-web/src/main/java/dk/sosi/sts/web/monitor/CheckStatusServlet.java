package dk.sosi.sts.web.monitor;

import dk.sosi.sts.monitor.CheckStatusPage;
import dk.sosi.sts.web.StsWebApplication;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /sts/checkstatus}: the old status page, checks from {@code monitorServletList}; 500 when any fails. */
public final class CheckStatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CheckStatusPage.Rendered page = StsWebApplication.of(getServletContext()).checkStatusPage().render();
        response.setStatus(page.healthy() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page.text());
    }
}
