package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoBootstrapTokenIssuer;
import dk.sosi.sts.demo.DemoCitizenTokenIssuer;
import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.backends.DemoBackendData;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a citizen application does with the bootstrap token NemLog-in gave the logged-in citizen: exchanges it at
 * Bst2Idws for an IDWS identity token to the demo citizen service ({@value DemoCitizenTokenIssuer#AUDIENCE}). The demo
 * issuer ({@value DemoCitizenTokenIssuer#ISSUER}) issues an OIO3BST_CITIZEN for the demo citizen Demo Borger,
 * holder-of-key to the client's certificate, encrypted to the STS's key for the issuer; the client signs the request
 * with the CPR claim and prints the identity token (or the fault). Arguments: {@code [client] [STS base URL]}; client
 * {@code system-foces} by default, the one the demo audience whitelists.
 */
public final class Bst2IdwsDemoClient {

    private Bst2IdwsDemoClient() {
    }

    /** The claim of a parent who acts for Demo Barn, the child in Demo Borger's custody. */
    public static final String FOR_CHILD = "urn:dk:healthcare:saml:actThrough:ParentalCustody:cprNumberIdentifier:"
            + DemoBackendData.CHILD_CPR;

    /** Arguments {@code [client] [STS base URL] [child]}: with {@code child}, Demo Borger acts for Demo Barn. */
    public static void main(String[] args) throws Exception {
        DemoClient client = DgwsDemoClient.client(args.length > 0 ? args[0] : "system-foces");
        URI sts = URI.create(args.length > 1 ? args[1] : "http://localhost:8080/sts");
        Optional<String> onBehalfOf = args.length > 2 && "child".equals(args[2]) ? Optional.of(FOR_CHILD) : Optional.empty();
        System.exit(exchange(client, sts, DgwsDemoClient.demoFolder(), onBehalfOf).isPresent() ? 0 : 1);
    }

    /** The demo issuer's OIO3BST_CITIZEN for Demo Borger, holder-of-key to {@code holder}, encrypted to the STS's key for the issuer. */
    public static Element bootstrapToken(DemoConfiguration demo, IssuedCredential holder) {
        DemoBootstrapTokenIssuer.Keys idp = DemoCitizenTokenIssuer.ensure(demo);
        Element signed = new CitizenBootstrapTokenBuilder(CitizenBootstrapTokenBuilder.Profile.OIO3BST_CITIZEN, DemoCitizenTokenIssuer.ISSUER)
                .cpr(DemoBackendData.CITIZEN_CPR)
                .holderOfKey(holder.certificate())
                .signed(idp.signing().privateKey(), idp.signing().certificate());
        return BootstrapTokenBuilder.encrypted(signed, idp.encryption().certificate());
    }

    /** The Bst2Idws request of {@code signer} for a demo citizen bootstrap token, with the CPR claim Seal and unsealed send. */
    public static Document request(DemoConfiguration demo, IssuedCredential signer) {
        return request(demo, signer, Optional.empty());
    }

    /** As {@link #request(DemoConfiguration, IssuedCredential)}, acting for someone else with the OnBehalfOf claim given. */
    public static Document request(DemoConfiguration demo, IssuedCredential signer, Optional<String> onBehalfOf) {
        OioRequestBuilder request = new OioRequestBuilder().actAs(bootstrapToken(demo, signer)).appliesTo(DemoCitizenTokenIssuer.AUDIENCE)
                .claim("dk:gov:saml:attribute:CprNumberIdentifier", DemoBackendData.CITIZEN_CPR);
        onBehalfOf.ifPresent(claim -> request.claim("dk:healthcare:saml:attribute:OnBehalfOf", claim));
        return request.signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    /** Runs the exchange and prints it; returns the identity token, or empty after a fault. */
    public static Optional<Element> exchange(DemoClient client, URI sts, DemoConfiguration demo, Optional<String> onBehalfOf)
            throws Exception {
        System.out.println("Exchanging an encrypted OIO3BST_CITIZEN of " + DemoCitizenTokenIssuer.ISSUER + " for Demo Borger"
                + onBehalfOf.map(claim -> " acting for Demo Barn (" + claim + ")").orElse("") + " for an identity token to "
                + DemoCitizenTokenIssuer.AUDIENCE + ", signed by " + demo.loadClientCredential(client).certificate().getSubjectX500Principal());
        Document answer = SoapCall.post(URI.create(sts.toString().replaceAll("/+$", "") + "/services/Bst2Idws"),
                request(demo, demo.loadClientCredential(client), onBehalfOf), "Issue");
        Element fault = SoapCall.fault(answer);
        Element token = (Element) answer.getElementsByTagNameNS(Namespaces.SAML, "Assertion").item(0);
        System.out.println(SoapCall.indent(fault != null || token == null ? answer : token));
        return fault == null ? Optional.ofNullable(token) : Optional.empty();
    }
}
