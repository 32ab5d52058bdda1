package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import dk.sosi.sts.xmlenc.AssertionDecrypter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an employee's client does to open a web application with its id-card: gets an id-card from
 * NewSecurityTokenService, exchanges it at Sosi2OIOSaml for an OIOSAML assertion to the demo receiving system
 * ({@value DemoServiceProvider#AUDIENCE}), decrypts the assertion with that system's key, as the system itself
 * would, and prints it (or the fault). Arguments: {@code [client] [STS base URL]}; client is a demo client as
 * for {@link DgwsDemoClient}, {@code employee-moces} by default.
 */
public final class Sosi2OioSamlDemoClient {

    private Sosi2OioSamlDemoClient() {
    }

    public static void main(String[] args) throws Exception {
        DemoClient client = DgwsDemoClient.client(args.length > 0 ? args[0] : "employee-moces");
        URI sts = URI.create(args.length > 1 ? args[1] : "http://localhost:8080/sts");
        System.exit(exchange(client, sts, DgwsDemoClient.demoFolder()).isPresent() ? 0 : 1);
    }

    /** Runs the exchange and prints it; returns the decrypted assertion, or empty after a fault. */
    public static Optional<Element> exchange(DemoClient client, URI sts, DemoConfiguration demo) throws Exception {
        Optional<Element> card = DgwsDemoClient.issue(client, endpoint(sts, "NewSecurityTokenService"), demo, false);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        return exchange(card.get(), client, sts, demo);
    }

    /** Exchanges the STS's id-card {@code card} and prints it; returns the decrypted assertion, or empty after a fault. */
    public static Optional<Element> exchange(Element card, DemoClient client, URI sts, DemoConfiguration demo) throws Exception {
        System.out.println("Got an id-card from the STS; exchanging it for an OIOSAML assertion to " + DemoServiceProvider.AUDIENCE);
        IssuedCredential signer = demo.loadClientCredential(client);
        Document request = new OioRequestBuilder().actAs(card).appliesTo(DemoServiceProvider.AUDIENCE)
                .signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
        Document answer = SoapCall.post(endpoint(sts, "Sosi2OIOSaml"), request, "Ibo");
        Element fault = SoapCall.fault(answer);
        Element encrypted = (Element) answer.getElementsByTagNameNS(Namespaces.SAML, "EncryptedAssertion").item(0);
        if (fault != null || encrypted == null) {
            System.out.println(SoapCall.indent(fault != null ? fault : answer));
            return Optional.empty();
        }
        IssuedCredential receiver = DemoServiceProvider.ensure(demo);
        Element assertion = new AssertionDecrypter().decrypt(encrypted, List.of(receiver.privateKey()));
        System.out.println("Decrypted with the key of the demo receiving system (" + demo.folder().resolve(DemoServiceProvider.CREDENTIAL)
                + "):");
        System.out.println(SoapCall.indent(assertion));
        return Optional.of(assertion);
    }

    private static URI endpoint(URI sts, String name) {
        return URI.create(sts.toString().replaceAll("/+$", "") + "/services/" + name);
    }
}
