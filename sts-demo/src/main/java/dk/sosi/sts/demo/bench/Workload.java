package dk.sosi.sts.demo.bench;

import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.w3c.dom.Document;

/** What the benchmark sends to one endpoint: pre-signed requests, and what one answer costs in private-key operations. */
interface Workload {

    /** The endpoint under {@code /sts/services/}, e.g. {@code NewSecurityTokenService}. */
    String endpoint();

    /** The STS's private-key operations per answer: the DGWS id-card (1), or the assertion and the message (2). */
    int privateKeyOperations();

    /**
     * The highest server CPU per private-key operation, as a multiple of one signature, the design allows: 1.4 for
     * the OIO exchanges.
     */
    default double multipleTarget() {
        return 1.4;
    }

    /** The demo credentials whose requests the STS answers with a token. */
    List<IssuedCredential> signers();

    /** {@code count} requests signed by {@code signers} in turn, signed once before the run. */
    List<byte[]> requests(List<IssuedCredential> signers, int count);

    /** {@code count} requests as bytes, the i-th made by {@code request} for i and the signer whose turn it is. */
    static List<byte[]> inTurn(List<IssuedCredential> signers, int count, BiFunction<IssuedCredential, Integer, Document> request) {
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(SecureXml.toBytes(request.apply(signers.get(i % signers.size()), i)));
        }
        return requests;
    }
}
