package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoConfigurationFolder;
import dk.sosi.sts.demo.backends.DemoBackendData;
import dk.sosi.sts.demo.client.DgwsRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardType;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The quickest way to see the STS do its main job: builds a DGWS request with an id-card signed by one
 * of the demo folder's client certificates, sends it to a running STS and prints the id-card the STS
 * issued (or its fault). Arguments: {@code [client] [endpoint URL]}; client is one of
 * {@code system-foces} (default), {@code system-voces}, {@code employee-moces}, {@code system-foces3},
 * {@code employee-moces3} (OCES3 certificates), {@code employee-moces-expired}, {@code employee-moces-revoked},
 * {@code untrusted-foces}.
 */
public final class DgwsDemoClient {

    /** The demo employee of the built-in backend simulator (see demo-backends.properties). */
    private static final String DEMO_EMPLOYEE_CPR = DemoBackendData.KARL_HANSEN_CPR;
    private static final String DEMO_CVR = "20921897";

    private DgwsDemoClient() {
    }

    public static void main(String[] args) throws Exception {
        String clientName = args.length > 0 ? args[0] : "system-foces";
        URI endpoint = URI.create(args.length > 1 ? args[1] : "http://localhost:8080/sts/services/NewSecurityTokenService");
        System.exit(issue(client(clientName), endpoint, demoFolder(), true).isPresent() ? 0 : 1);
    }

    /** The client named as on the command line, e.g. {@code employee-moces}. */
    static DemoClient client(String name) {
        return DemoClient.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The demo folder of the embedded defaults ({@code sts.embedded.dir}, {@code .sts-embedded} by default). */
    static DemoConfiguration demoFolder() {
        Path folder = Path.of(System.getProperty("sts.embedded.dir", ".sts-embedded")).resolve("config").toAbsolutePath();
        return DemoConfigurationFolder.ensure(folder, Clock.systemUTC());
    }

    /**
     * Sends {@code client}'s self-signed id-card to {@code endpoint} and prints what came back; returns the
     * id-card the STS issued, or empty after a fault. {@code printCard}: print the issued card too.
     */
    static Optional<Element> issue(DemoClient client, URI endpoint, DemoConfiguration demo, boolean printCard) throws Exception {
        IssuedCredential credential = demo.loadClientCredential(client);
        IdCard card = card(client, credential);
        Document request = new DgwsRequestBuilder(ZoneId.of("Europe/Copenhagen")).request(card, credential.privateKey(),
                credential.certificate(), SignatureAlgorithm.RSA_SHA1, UUID.randomUUID().toString(), Instant.now());
        System.out.println("Sending a level-" + card.authenticationLevel() + " " + card.type().value() + " id-card signed by "
                + credential.certificate().getSubjectX500Principal() + " to " + endpoint);

        Document answer = SoapCall.post(endpoint, request, "Issue");
        Element fault = SoapCall.fault(answer);
        Element issued = (Element) answer.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
        if (fault != null || issued == null || printCard) {
            System.out.println(SoapCall.indent(fault != null ? fault : issued != null ? issued : answer));
        }
        return fault == null ? Optional.ofNullable(issued) : Optional.empty();
    }

    /** The id-card the demo client signs: an employee's user card at level 4, else a system card at level 3. */
    public static IdCard card(DemoClient client, IssuedCredential credential) throws Exception {
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        boolean employee = client.name().startsWith("EMPLOYEE");
        return IdCard.builder()
                .issuer("DgwsDemoClient")
                .nameId(employee ? new NameId("medcom:cprnumber", DEMO_EMPLOYEE_CPR) : new NameId("medcom:cvrnumber", DEMO_CVR))
                .issueInstant(notBefore)
                .notBefore(notBefore)
                .notOnOrAfter(notBefore.plus(Duration.ofHours(24)))
                .idCardId(Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)))
                .version(DgwsVersion.V1_0_1)
                .type(employee ? IdCardType.USER : IdCardType.SYSTEM)
                .authenticationLevel(employee ? 4 : 3)
                .ocesCertHash(Optional.of(Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-1").digest(credential.certificate().getEncoded()))))
                .userLog(employee ? Optional.of(new UserLog(Optional.of(DEMO_EMPLOYEE_CPR), "Karl", "Hansen",
                        Optional.of("karl.hansen@demo-laegehus.dk"), "7170", Optional.empty(), Optional.empty())) : Optional.empty())
                .systemLog(new SystemLog("Demo EPJ", "medcom:cvrnumber", DEMO_CVR, "Demo Lægehus"))
                .usernameToken(Optional.empty())
                .build();
    }
}
