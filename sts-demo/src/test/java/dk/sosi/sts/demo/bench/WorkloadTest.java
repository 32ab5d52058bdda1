package dk.sosi.sts.demo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class WorkloadTest {

    @Test
    void inTurnWhenTwoSignersThenTheyTakeTurnsAndEachRequestKnowsItsIndex() {
        IssuedCredential first = TestSigningKeys.employee();
        IssuedCredential second = TestSigningKeys.other();

        List<byte[]> requests = Workload.inTurn(List.of(first, second), 3, (signer, i) -> {
            Document request = SecureXml.newDocument();
            request.appendChild(request.createElement((signer == first ? "first" : "second") + i));
            return request;
        });

        assertEquals(List.of("first0", "second1", "first2"), requests.stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8).replaceAll("<\\?xml[^>]*>", "").replaceAll("[</>]", ""))
                .toList());
    }
}
