package dk.sosi.sts.demo.bench;

import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.util.List;

/** What the benchmark sends to one endpoint: pre-signed requests, and what one answer costs in private-key operations. */
interface Workload {

    /** The endpoint under {@code /sts/services/}, e.g. {@code NewSecurityTokenService}. */
    String endpoint();

    /** The STS's private-key operations per answer: the DGWS id-card (1), or the assertion and the message (2). */
    int privateKeyOperations();

    /** The highest server CPU per private-key operation, as a multiple of one signature, the design allows. */
    double multipleTarget();

    /** The demo credentials whose requests the STS answers with a token. */
    List<IssuedCredential> signers();

    /** {@code count} requests signed by {@code signers} in turn, signed once before the run. */
    List<byte[]> requests(List<IssuedCredential> signers, int count);
}
