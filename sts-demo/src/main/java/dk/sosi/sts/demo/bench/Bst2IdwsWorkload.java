package dk.sosi.sts.demo.bench;

import dk.sosi.sts.demo.DemoCitizenTokenIssuer;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.Bst2IdwsDemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.util.List;
import java.util.Objects;

/**
 * Bst2Idws: encrypted OIO3BST_CITIZENs of the demo citizen issuer for the demo citizen, each holder-of-key to the
 * signer of the request that carries it (the demo application the demo audience whitelists), made before the run.
 * An answer costs the STS three private-key operations: the token's decryption, the identity token's signature and
 * the message's.
 */
final class Bst2IdwsWorkload implements Workload {

    private final DemoConfiguration demo;

    Bst2IdwsWorkload(DemoConfiguration demo) {
        this.demo = Objects.requireNonNull(demo, "demo");
    }

    @Override
    public String endpoint() {
        return "Bst2Idws";
    }

    @Override
    public int privateKeyOperations() {
        return 3;
    }

    @Override
    public List<IssuedCredential> signers() {
        return List.of(demo.loadClientCredential(DemoCitizenTokenIssuer.WHITELISTED_CLIENT));
    }

    @Override
    public List<byte[]> requests(List<IssuedCredential> signers, int count) {
        return Workload.inTurn(signers, count, (signer, i) -> Bst2IdwsDemoClient.request(demo, signer));
    }
}
