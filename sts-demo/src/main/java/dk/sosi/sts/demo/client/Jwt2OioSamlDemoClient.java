package dk.sosi.sts.demo.client;

import dk.sosi.sts.demo.DemoCitizenService;
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
 * What a citizen app does to open a citizen web application: its citizen logged in at the demo JWT IdP (a JWT signed
 * with {@code idp/demo-jwt-idp.p12}, kid {@value DemoConfiguration#JWT_IDP_KID}, scope with the audience's jwtScope),
 * the app exchanges that JWT at JWT2OIOSaml for an OIOSAML assertion to {@value DemoCitizenService#AUDIENCE}, signing
 * the request with its own certificate; then the assertion is decrypted with the receiving system's key, as the
 * application would, and printed (or the fault). Arguments: {@code [client] [STS base URL]}; client is a demo client as
 * for {@link DgwsDemoClient}, {@code system-foces} (the whitelisted one) by default.
 */
public final class Jwt2OioSamlDemoClient {

    static final String CPR = "0101801234";

    private Jwt2OioSamlDemoClient() {
    }

    public static void main(String[] args) throws Exception {
        DemoClient client = DgwsDemoClient.client(args.length > 0 ? args[0] : "system-foces");
        URI sts = URI.create(args.length > 1 ? args[1] : "http://localhost:8080/sts");
        System.exit(exchange(client, sts, DgwsDemoClient.demoFolder()).isPresent() ? 0 : 1);
    }

    /**
     * A request for citizen {@value #CPR}'s token to {@value DemoCitizenService#AUDIENCE}: a JWT of the demo JWT IdP in
     * ActAs, the CPR claim, signed by {@code signer} (JWT2OIOSaml and JWT2Idws take the same request).
     */
    public static Document citizenRequest(IssuedCredential signer, DemoConfiguration demo) {
        IssuedCredential idp = demo.loadJwtIdpCredential();
        String jwt = DemoJwt.signed(DemoJwt.citizen(DemoCitizenService.JWT_ISSUER, CPR, DemoCitizenService.JWT_SCOPE, Instant.now()).build(),
                DemoConfiguration.JWT_IDP_KID, idp.privateKey());
        return new OioRequestBuilder().actAs(DemoJwt.binarySecurityToken(jwt)).appliesTo(DemoCitizenService.AUDIENCE)
                .claim("dk:gov:saml:attribute:CprNumberIdentifier", CPR)
                .signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, Instant.now());
    }

    static Document post(Document request, URI sts, String endpoint) throws Exception {
        return SoapCall.post(URI.create(sts.toString().replaceAll("/+$", "") + "/services/" + endpoint), request, "Issue");
    }

    /** Runs the exchange and prints it; returns the decrypted assertion, or empty after a fault. */
    public static Optional<Element> exchange(DemoClient client, URI sts, DemoConfiguration demo) throws Exception {
        System.out.println("The demo JWT IdP issued a JWT for citizen " + CPR + "; exchanging it for an OIOSAML assertion to "
                + DemoCitizenService.AUDIENCE);
        Document answer = post(citizenRequest(demo.loadClientCredential(client), demo), sts, "JWT2OIOSaml");
        Element fault = SoapCall.fault(answer);
        Element encrypted = (Element) answer.getElementsByTagNameNS(Namespaces.SAML, "EncryptedAssertion").item(0);
        if (fault != null || encrypted == null) {
            System.out.println(SoapCall.indent(fault != null ? fault : answer));
            return Optional.empty();
        }
        Element assertion = new AssertionDecrypter().decrypt(encrypted, List.of(DemoServiceProvider.ensure(demo).privateKey()));
        System.out.println("Decrypted with the key of the demo receiving system (" + demo.folder().resolve(DemoServiceProvider.CREDENTIAL)
                + "):");
        System.out.println(SoapCall.indent(assertion));
        return Optional.of(assertion);
    }
}
