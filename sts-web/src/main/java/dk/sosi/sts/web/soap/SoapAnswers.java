package dk.sosi.sts.web.soap;

import dk.sosi.sts.config.StsApplication;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsResponse;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xml.SecureXml;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the STS's SOAP answers to HTTP: UTF-8 XML with its length, never a container error page. */
final class SoapAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(SoapAnswers.class);

    private SoapAnswers() {
    }

    /** Refuses a request that never reached the request handler, with the endpoint's fault envelope and {@code status}. */
    static void refuse(StsApplication sts, StsEndpoint endpoint, StsFault fault, HttpServletResponse response, int status) {
        write(sts.requestHandler().unreadable(endpoint, fault), response, status);
    }

    /** Writes {@code answer} with {@code status}; a caller that has gone away is not an error of ours. */
    static void write(StsResponse answer, HttpServletResponse response, int status) {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = SecureXml.toBytes(answer.envelope());
        response.setStatus(status);
        response.setContentType("text/xml; charset=utf-8");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        } catch (IOException e) {
            LOG.debug("The caller went away before the answer was written: {}", e.toString());
        }
    }
}
