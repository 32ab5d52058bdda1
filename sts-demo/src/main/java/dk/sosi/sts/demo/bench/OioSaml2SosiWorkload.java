package dk.sosi.sts.demo.bench;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.NemLogInDemoIdp;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.saml.Conditions;
import dk.sosi.sts.token.saml.SamlAssertion;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * OIOSaml2Sosi: NemLog-in assertions for the demo employee, signed by the demo NemLog-in IdP before the run, each
 * with a healthcare context token in a request the demo web application (FOCES) signed. An answer costs the STS two
 * private-key operations (the id-card's signature and the message's) and two verifications (the assertion's and the
 * message's), and one CVR-RID lookup at the demo backends.
 */
final class OioSaml2SosiWorkload implements Workload {

    /** Long enough for a soak: the assertions are made before the run. */
    private static final Duration VALIDITY = Duration.ofHours(8);

    private final DemoConfiguration demo;

    OioSaml2SosiWorkload(DemoConfiguration demo) {
        this.demo = demo;
    }

    @Override
    public String endpoint() {
        return "OIOSaml2Sosi";
    }

    @Override
    public int privateKeyOperations() {
        return 2;
    }

    @Override
    public List<IssuedCredential> signers() {
        return List.of(demo.loadClientCredential(DemoClient.SYSTEM_FOCES), demo.loadClientCredential(DemoClient.SYSTEM_FOCES3));
    }

    @Override
    public List<byte[]> requests(List<IssuedCredential> signers, int count) {
        IssuedCredential idp = demo.loadNemLoginIdpCredential();
        return Workload.inTurn(signers, count, (signer, i) -> {
            Instant now = Instant.now();
            SamlAssertion.Builder assertion = NemLogInDemoIdp.karlHansen(now);
            assertion.conditions(Conditions.of(now.minusSeconds(60), now.plus(VALIDITY), NemLogInDemoIdp.WEB_APPLICATION));
            return NemLogInDemoIdp.request(assertion.build(), idp)
                    .signed(signer.privateKey(), signer.certificate(), SignatureAlgorithm.RSA_SHA256, now);
        });
    }
}
