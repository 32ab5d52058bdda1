package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /sts/metrics in the Prometheus text format: requests per endpoint and outcome, backends, certificate expiry. */
class MetricsTest {

    private static StsTestServer sts;

    @BeforeAll
    static void start() throws Exception {
        sts = StsTestServer.shared();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void metricsWhenRequestFaultsThenCountedByEndpointAndFaultCode() throws Exception {
        String series = "sts_requests_seconds_count{endpoint=\"Bst2Idws\",outcome=\"InvalidRequest\"}";
        double before = value(sts.get("/metrics").body(), series);

        sts.post("/services/Bst2Idws", "not xml", "text/xml");

        HttpResponse<String> metrics = sts.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(before + 1, value(metrics.body(), series), metrics.body());
    }

    @Test
    void metricsWhenStartedThenBackendsAndStsCertificateExpiryPresent() throws Exception {
        String metrics = sts.get("/metrics").body();

        assertTrue(metrics.contains("sts_backend_calls_total{service=\"CVR-RID service\"}"), metrics);
        assertTrue(metrics.contains("sts_backend_failures_total{service=\"Authorization register\"}"), metrics);
        Matcher sts = Pattern.compile("(?m)^sts_certificate_days_to_expiry\\{certificate=\"teststs-1.keystore/sts\","
                + "subject=\"CVR:33257872-FID:18911861\"} ([0-9.]+)$").matcher(metrics);
        assertTrue(sts.find(), metrics);
        assertTrue(Double.parseDouble(sts.group(1)) > 300, metrics);
        assertTrue(metrics.contains("sts_certificate_days_to_expiry{certificate=\"NBOTrustStore/demo_nemlogin_idp\""), metrics);
        assertTrue(metrics.contains("jvm_memory_used_bytes{area=\"heap\""), metrics);
        assertTrue(metrics.contains("jvm_gc_pause_seconds"), metrics);
        // The benchmark waits on it for the JIT to settle before it measures.
        assertTrue(metrics.contains("jvm_compilation_time_ms_total"), metrics);
    }
}
