package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoNationalContactPoint;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the Danish National Contact Point does when a French doctor treats a Danish patient: it turns the HCP and TRC
 * assertions of the OpenNCP header it received (the shipped demo header, {@value DemoNationalContactPoint#HEADER}) into
 * a DK NCP bootstrap token, signs it and the request with its certificate, exchanges it at DKNCPBST2EHDSIIdws for an
 * eHDSI IDWS XUA token to the demo Danish service ({@value DemoNationalContactPoint#AUDIENCE}) and prints the token
 * (or the fault). Argument: {@code [STS base URL]}.
 */
public final class EhdsiDemoClient {

    private EhdsiDemoClient() {
    }

    public static void main(String[] args) throws Exception {
        URI sts = URI.create(args.length > 0 ? args[0] : "http://localhost:8080/sts");
        System.exit(exchange(sts, DgwsDemoClient.demoFolder()).isPresent() ? 0 : 1);
    }

    /** The contact point's DKNCPBST2EHDSIIdws request for the demo header's doctor and patient. */
    public static Document request(DemoConfiguration demo) {
        return request(demo, DemoNationalContactPoint.openNcpHeader(demo));
    }

    /** The contact point's request for the doctor and patient of the OpenNCP {@code header}. */
    public static Document request(DemoConfiguration demo, Element header) {
        IssuedCredential contactPoint = DemoNationalContactPoint.ensure(demo);
        Element token = DkNcpBootstrapTokenBuilder.fromOpenNcpHeader(header, DemoNationalContactPoint.ISSUER)
                .audience(DemoNationalContactPoint.AUDIENCE)
                .holderOfKey(contactPoint.certificate())
                .signed(contactPoint.privateKey(), contactPoint.certificate());
        return new OioRequestBuilder().actAs(token).appliesTo(DemoNationalContactPoint.AUDIENCE)
                .signed(contactPoint.privateKey(), contactPoint.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    /** Runs the exchange and prints it; returns the XUA token, or empty after a fault. */
    public static Optional<Element> exchange(URI sts, DemoConfiguration demo) throws Exception {
        System.out.println("Exchanging the demo contact point's DK NCP bootstrap token (Camille Martin, FR, treating Demo Borger)"
                + " for an eHDSI IDWS XUA token to " + DemoNationalContactPoint.AUDIENCE);
        Document answer = SoapCall.post(URI.create(sts.toString().replaceAll("/+$", "") + "/services/DKNCPBST2EHDSIIdws"),
                request(demo), "Issue");
        Element fault = SoapCall.fault(answer);
        Element token = (Element) answer.getElementsByTagNameNS(Namespaces.SAML, "Assertion").item(0);
        System.out.println(SoapCall.indent(fault != null || token == null ? answer : token));
        return fault == null ? Optional.ofNullable(token) : Optional.empty();
    }
}
