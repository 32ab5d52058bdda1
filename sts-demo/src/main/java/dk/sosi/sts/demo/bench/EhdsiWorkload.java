package dk.sosi.sts.demo.bench;

import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.DemoNationalContactPoint;
import dk.sosi.sts.demo.client.EhdsiDemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * DKNCPBST2EHDSIIdws: DK NCP bootstrap tokens of the demo contact point for the doctor and patient of the demo OpenNCP
 * header, each in a request the contact point signed, made before the run. An answer costs the STS two private-key
 * operations: the XUA token's signature and the message's.
 */
final class EhdsiWorkload implements Workload {

    private final DemoConfiguration demo;

    EhdsiWorkload(DemoConfiguration demo) {
        this.demo = Objects.requireNonNull(demo, "demo");
    }

    @Override
    public String endpoint() {
        return "DKNCPBST2EHDSIIdws";
    }

    @Override
    public int privateKeyOperations() {
        return 2;
    }

    @Override
    public List<IssuedCredential> signers() {
        return List.of(DemoNationalContactPoint.ensure(demo));
    }

    @Override
    public List<byte[]> requests(List<IssuedCredential> signers, int count) {
        Element header = DemoNationalContactPoint.openNcpHeader(demo);
        return Workload.inTurn(signers, count, (signer, i) -> EhdsiDemoClient.request(demo, header));
    }
}
