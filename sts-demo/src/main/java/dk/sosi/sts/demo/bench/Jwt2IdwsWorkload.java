package dk.sosi.sts.demo.bench;

import dk.sosi.sts.demo.DemoCitizenService;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.Jwt2OioSamlDemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.util.List;
import java.util.Objects;

/**
 * JWT2Idws: JWTs of the demo JWT IdP for a demo citizen, each in a request the demo citizen app signed, made before the
 * run. An answer costs the STS two private-key operations (the identity token's signature and the message's) and two
 * verifications (the JWT's and the message's).
 */
final class Jwt2IdwsWorkload implements Workload {

    private final DemoConfiguration demo;

    Jwt2IdwsWorkload(DemoConfiguration demo) {
        this.demo = Objects.requireNonNull(demo, "demo");
    }

    @Override
    public String endpoint() {
        return "JWT2Idws";
    }

    @Override
    public int privateKeyOperations() {
        return 2;
    }

    @Override
    public List<IssuedCredential> signers() {
        return List.of(demo.loadClientCredential(DemoCitizenService.WHITELISTED_CLIENT));
    }

    @Override
    public List<byte[]> requests(List<IssuedCredential> signers, int count) {
        return Workload.inTurn(signers, count, (signer, i) -> Jwt2OioSamlDemoClient.citizenRequest(signer, demo));
    }
}
