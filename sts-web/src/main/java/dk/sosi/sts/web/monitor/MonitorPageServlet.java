package dk.sosi.sts.web.monitor;

import dk.sosi.sts.monitor.CheckResult;
import dk.sosi.sts.monitor.MonitorReport;
import dk.sosi.sts.monitor.Severity;
import dk.sosi.sts.web.StsWebApplication;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code /sts/status} and {@code /sts/alarm}: runs the checks of the list named by the init
 * parameter {@code checks} ({@code statusServletList} or {@code alarmServletList} in services.xml),
 * prints one line per check, and answers 500 when any result is as bad as the init parameter
 * {@code failAt}: {@code FAILED} for the status page, {@code WARNING} for the alarm page (an Expiring
 * certificate raises the alarm), else 200.
 */
public final class MonitorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String listId = getInitParameter("checks");
        Severity failAt = Severity.valueOf(getInitParameter("failAt"));
        MonitorReport report = MonitorReport.run(StsWebApplication.of(getServletContext()).checks(listId));
        response.setStatus(report.healthy(failAt) ? HttpServletResponse.SC_OK : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        for (CheckResult result : report.results()) {
            out.println(result.line());
        }
    }
}
