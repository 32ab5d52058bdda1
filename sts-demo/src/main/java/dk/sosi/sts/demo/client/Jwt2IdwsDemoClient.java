package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoCitizenService;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.soap.Namespaces;
import java.net.URI;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a citizen app does to call a citizen service: its citizen logged in at the demo JWT IdP, and the app exchanges
 * the JWT at JWT2Idws for an IDWS identity token to {@value DemoCitizenService#AUDIENCE}, holder-of-key to the app's
 * certificate, and prints it (or the fault). Arguments: {@code [client] [STS base URL]}, as for
 * {@link Jwt2OioSamlDemoClient}.
 */
public final class Jwt2IdwsDemoClient {

    private Jwt2IdwsDemoClient() {
    }

    public static void main(String[] args) throws Exception {
        DemoClient client = DgwsDemoClient.client(args.length > 0 ? args[0] : "system-foces");
        URI sts = URI.create(args.length > 1 ? args[1] : "http://localhost:8080/sts");
        System.out.println("The demo JWT IdP issued a JWT for citizen " + Jwt2OioSamlDemoClient.CPR
                + "; exchanging it for an IDWS identity token to " + DemoCitizenService.AUDIENCE);
        DemoConfiguration demo = DgwsDemoClient.demoFolder();
        Document answer = Jwt2OioSamlDemoClient.post(Jwt2OioSamlDemoClient.citizenRequest(demo.loadClientCredential(client), demo), sts,
                "JWT2Idws");
        Element fault = SoapCall.fault(answer);
        Element token = (Element) answer.getElementsByTagNameNS(Namespaces.SAML, "Assertion").item(0);
        System.out.println(SoapCall.indent(fault != null || token == null ? (fault != null ? fault : answer.getDocumentElement()) : token));
        System.exit(fault == null && token != null ? 0 : 1);
    }
}
