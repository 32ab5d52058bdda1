package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoBootstrapTokenIssuer;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.backends.DemoBackendData;
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
 * What an employee portal does with the bootstrap token its IdP gave the logged-in employee: exchanges it at
 * BST2SOSI for an id-card, and, with {@code chain}, that id-card at Sosi2OIOSaml for an OIOSAML assertion to the
 * demo receiving system. The demo IdP ({@value DemoBootstrapTokenIssuer#ISSUER}) issues an OIOH3BST for the demo
 * employee Karl Hansen (his professional UUID, which UUID2CPR knows), holder-of-key to the client's certificate,
 * encrypted to the STS's key for the issuer; the client signs the request and prints the id-card (or the fault).
 * Arguments: {@code [client] [STS base URL] [chain]}; client {@code employee-moces} by default, the one the demo
 * issuer's row whitelists.
 */
public final class Bst2SosiDemoClient {

    public static final String IT_SYSTEM_NAME = "Demo medarbejderportal";
    /** Karl Hansen's education code and authorisation (demo-backends.properties). */
    static final String ROLE = DemoBackendData.KARL_HANSEN_AUTHORIZATION.educationCode();
    static final String AUTHORIZATION_CODE = DemoBackendData.KARL_HANSEN_AUTHORIZATION.authorizationCode();

    private Bst2SosiDemoClient() {
    }

    public static void main(String[] args) throws Exception {
        DemoClient client = DgwsDemoClient.client(args.length > 0 ? args[0] : "employee-moces");
        URI sts = URI.create(args.length > 1 ? args[1] : "http://localhost:8080/sts");
        boolean chain = args.length > 2 && "chain".equals(args[2]);
        DemoConfiguration demo = DgwsDemoClient.demoFolder();
        Optional<Element> card = exchange(client, sts, demo);
        if (card.isPresent() && chain) {
            card = Sosi2OioSamlDemoClient.exchange(card.get(), client, sts, demo);
        }
        System.exit(card.isPresent() ? 0 : 1);
    }

    /** The demo IdP's OIOH3BST for Karl Hansen, holder-of-key to {@code holder}, encrypted to the STS's key for the issuer. */
    public static Element bootstrapToken(DemoConfiguration demo, IssuedCredential holder) {
        DemoBootstrapTokenIssuer.Keys idp = DemoBootstrapTokenIssuer.ensure(demo);
        String serial = CertificateNames.subjectSerialNumber(demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES3).certificate());
        Element signed = new BootstrapTokenBuilder(BootstrapTokenBuilder.Profile.OIOH3BST, DemoBootstrapTokenIssuer.ISSUER)
                .professionalUuid(serial.substring(serial.lastIndexOf(':') + 1))
                .holderOfKey(holder.certificate())
                .signed(idp.signing().privateKey(), idp.signing().certificate());
        return BootstrapTokenBuilder.encrypted(signed, idp.encryption().certificate());
    }

    /** The BST2SOSI request of {@code signer} for a demo bootstrap token, with the claims a portal sends. */
    public static Document request(DemoConfiguration demo, IssuedCredential signer, String audience) {
        return new OioRequestBuilder().actAs(bootstrapToken(demo, signer)).appliesTo(audience)
                .claim("medcom:ITSystemName", IT_SYSTEM_NAME)
                .claim("medcom:UserRole", ROLE)
                .claim("medcom:UserAuthorizationCode", AUTHORIZATION_CODE)
                .signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    /** Runs the exchange and prints it; returns the id-card, or empty after a fault. */
    public static Optional<Element> exchange(DemoClient client, URI sts, DemoConfiguration demo) throws Exception {
        System.out.println("Exchanging an encrypted OIOH3BST of " + DemoBootstrapTokenIssuer.ISSUER + " for Karl Hansen for an id-card,"
                + " signed by " + demo.loadClientCredential(client).certificate().getSubjectX500Principal());
        Document answer = SoapCall.post(URI.create(sts.toString().replaceAll("/+$", "") + "/services/BST2SOSI"),
                request(demo, demo.loadClientCredential(client), "https://fmk"), "Issue");
        Element fault = SoapCall.fault(answer);
        Element card = (Element) answer.getElementsByTagNameNS(Namespaces.SAML, "Assertion").item(0);
        System.out.println(SoapCall.indent(fault != null || card == null ? answer : card));
        return fault == null ? Optional.ofNullable(card) : Optional.empty();
    }
}
