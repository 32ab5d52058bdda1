package dk.sosi.sts.demo.bench;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.Bst2SosiDemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.util.List;
import java.util.Objects;

/**
 * BST2SOSI: encrypted OIOH3BSTs of the demo IdP for the demo employee, each holder-of-key to the signer of the
 * request that carries it, made before the run. An answer costs the STS three private-key operations: the
 * token's decryption, the id-card's signature and the message's.
 */
final class Bst2SosiWorkload implements Workload {

    private static final String AUDIENCE = "https://fmk";

    private final DemoConfiguration demo;

    Bst2SosiWorkload(DemoConfiguration demo) {
        this.demo = Objects.requireNonNull(demo, "demo");
    }

    @Override
    public String endpoint() {
        return "BST2SOSI";
    }

    @Override
    public int privateKeyOperations() {
        return 3;
    }

    @Override
    public List<IssuedCredential> signers() {
        return List.of(demo.loadClientCredential(DemoClient.EMPLOYEE_MOCES));
    }

    @Override
    public List<byte[]> requests(List<IssuedCredential> signers, int count) {
        return Workload.inTurn(signers, count, (signer, i) -> Bst2SosiDemoClient.request(demo, signer, AUDIENCE));
    }
}
