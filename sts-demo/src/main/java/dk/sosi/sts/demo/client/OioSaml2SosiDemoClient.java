package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.pki.CertificateNames;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a web application does for its employee who logged in at NemLog-in: sends the employee's assertion (here
 * issued by the demo NemLog-in IdP of the demo folder for Karl Hansen) with its healthcare context token to
 * OIOSaml2Sosi, the message signed with its own certificate, and prints the id-card it gets (or the fault).
 * Arguments: {@code [client] [STS base URL]}; client is the demo certificate that signs the message,
 * {@code system-foces} by default.
 */
public final class OioSaml2SosiDemoClient {

    private OioSaml2SosiDemoClient() {
    }

    public static void main(String[] args) throws Exception {
        DemoClient client = DgwsDemoClient.client(args.length > 0 ? args[0] : "system-foces");
        URI sts = URI.create(args.length > 1 ? args[1] : "http://localhost:8080/sts");
        System.exit(exchange(client, sts, DgwsDemoClient.demoFolder()).isPresent() ? 0 : 1);
    }

    /** Runs the exchange and prints it; returns the id-card, or empty after a fault. */
    public static Optional<Element> exchange(DemoClient client, URI sts, DemoConfiguration demo) throws Exception {
        IssuedCredential signer = demo.loadClientCredential(client);
        System.out.println("Sending Karl Hansen's NemLog-in assertion (signed by the demo NemLog-in IdP) and a healthcare"
                + " context token for " + NemLogInDemoIdp.IT_SYSTEM_NAME + ", the message signed by "
                + CertificateNames.subjectSerialNumber(signer.certificate()));
        Document request = NemLogInDemoIdp.request(demo.loadNemLoginIdpCredential(), Instant.now())
                .signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
        Document answer = SoapCall.post(URI.create(sts.toString().replaceAll("/+$", "") + "/services/OIOSaml2Sosi"), request,
                OioRequestBuilder.ACTION_ISSUE);
        Element fault = SoapCall.fault(answer);
        Element card = (Element) answer.getElementsByTagNameNS(Namespaces.SAML, "Assertion").item(0);
        if (fault != null || card == null) {
            System.out.println(SoapCall.indent(fault != null ? fault : answer));
            return Optional.empty();
        }
        System.out.println("The STS issued this id-card:");
        System.out.println(SoapCall.indent(card));
        return Optional.of(card);
    }
}
