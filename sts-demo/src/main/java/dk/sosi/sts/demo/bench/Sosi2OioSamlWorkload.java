package dk.sosi.sts.demo.bench;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoServiceProvider;
import dk.sosi.sts.demo.client.DgwsDemoClient;
import dk.sosi.sts.demo.client.DgwsRequestBuilder;
import dk.sosi.sts.demo.client.OioRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Sosi2OIOSaml: id-cards the STS issued to the demo employee before the run, each exchanged for an encrypted
 * OIOSAML assertion to the demo receiving system in a request the employee signed. An answer costs the STS two
 * private-key operations: the assertion's signature and the message's.
 */
final class Sosi2OioSamlWorkload implements Workload {

    private static final int CARDS = 32;

    private final DemoConfiguration demo;
    private final List<Element> cards;

    private Sosi2OioSamlWorkload(DemoConfiguration demo, List<Element> cards) {
        this.demo = demo;
        this.cards = cards;
    }

    /** Gets {@value #CARDS} id-cards for the demo employee from the STS at {@code sts}. */
    static Sosi2OioSamlWorkload prepare(URI sts, DemoConfiguration demo) throws Exception {
        IssuedCredential employee = demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES);
        DgwsRequestBuilder builder = new DgwsRequestBuilder(ZoneId.of("Europe/Copenhagen"));
        HttpClient http = HttpClient.newHttpClient();
        List<Element> cards = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            Document request = builder.request(DgwsDemoClient.card(DemoClient.EMPLOYEE_MOCES, employee), employee.privateKey(),
                    employee.certificate(), SignatureAlgorithm.RSA_SHA1, UUID.randomUUID().toString(), Instant.now());
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(sts + "/services/NewSecurityTokenService"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(SecureXml.toBytes(request))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Element card = (Element) SecureXml.parse(new ByteArrayInputStream(response.body()))
                    .getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
            if (card == null) {
                throw new IllegalStateException("The STS issued no id-card for the demo employee: " + new String(response.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            cards.add(card);
        }
        return new Sosi2OioSamlWorkload(demo, cards);
    }

    @Override
    public String endpoint() {
        return "Sosi2OIOSaml";
    }

    @Override
    public int privateKeyOperations() {
        return 2;
    }

    @Override
    public List<IssuedCredential> signers() {
        return List.of(demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES));
    }

    @Override
    public List<byte[]> requests(List<IssuedCredential> signers, int count) {
        return Workload.inTurn(signers, count, (signer, i) -> new OioRequestBuilder().actAs(cards.get(i % cards.size()))
                .appliesTo(DemoServiceProvider.AUDIENCE)
                .signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now()));
    }
}
