package dk.sosi.sts.web;

import java.net.http.HttpResponse;
import org.w3c.dom.Document;

/**
 * One OIO endpoint of the test server, as a client posts to it: answers checked to be no fault, faults checked for
 * what every OIO fault carries, and both awaited after an admin's change (the configuration is re-read every second
 * in tests). The exchanges' fixtures extend it.
 */
class OioEndpoint {

    private final StsTestServer sts;
    private final String path;

    /** @param path e.g. {@code /services/Bst2Idws} */
    OioEndpoint(StsTestServer sts, String path) {
        this.sts = sts;
        this.path = path;
    }

    HttpResponse<String> post(Document request) throws Exception {
        return sts.post(path, OioClientFixture.text(request), "text/xml; charset=utf-8");
    }

    Document answer(Document request) throws Exception {
        return OioClientFixture.answer(post(request));
    }

    /** The answer once the STS has loaded the configuration an admin just changed. */
    Document awaitAnswer(Document request) throws Exception {
        return OioClientFixture.answer(Await.until(() -> post(request), response -> !response.body().contains("Fault>")));
    }

    SoapFaults fault(Document request) throws Exception {
        return OioClientFixture.fault(request, post(request));
    }

    /** The fault of {@code request} once its text contains {@code part} (after an admin's change). */
    SoapFaults awaitFault(Document request, String part) throws Exception {
        return SoapFaults.of(Await.until(() -> post(request), response -> response.body().contains(part)));
    }
}
