package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A short, repeatable fuzz run: valid DGWS requests mutated at random (fixed seed) must each get a
 * SOAP answer quickly, never a 5xx, a stack trace or a hang, and the STS must stay healthy.
 */
class FuzzTest {

    private static final long SEED = 20261123L;
    private static final int MUTATIONS = 300;

    @Test
    void postWhenValidRequestsAreMutatedThenEveryAnswerIsSoapAndTheStsStaysHealthy() throws Exception {
        StsTestServer sts = StsTestServer.shared();
        IssuedCredential system = sts.embedded().demo().loadClientCredential(DemoClient.SYSTEM_FOCES);
        byte[] valid = DgwsClientFixture.text(DgwsClientFixture.request(DgwsClientFixture.systemCard(system.certificate()).build(),
                system, SignatureAlgorithm.RSA_SHA1, "fuzz")).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(SEED);

        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutated = mutate(valid, random);
            HttpResponse<String> response = sts.post(sts.uri("/services/NewSecurityTokenService"), mutated, "text/xml; charset=utf-8");

            String context = "mutation " + i + ": " + response.body();
            assertTrue(response.statusCode() == 200 || response.statusCode() == 413, context);
            assertTrue(response.body().contains("Fault>") || response.body().contains("RequestSecurityTokenResponse"), context);
            assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), context);
        }
        assertEquals(200, sts.get("/status").statusCode());
    }

    /** One of: flip bytes, delete a run, duplicate a run, truncate, or insert markup characters. */
    private static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        int at = random.nextInt(out.length);
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case 1 -> {
                int length = Math.min(1 + random.nextInt(64), out.length - at);
                return concat(slice(out, 0, at), slice(out, at + length, out.length));
            }
            case 2 -> {
                int length = Math.min(1 + random.nextInt(256), out.length - at);
                return concat(slice(out, 0, at + length), slice(out, at, out.length));
            }
            case 3 -> {
                return slice(out, 0, at);
            }
            default -> {
                byte[] markup = new String[] {"<", ">", "&", "\"", "<!--", "]]>", "&#0;", "<x:y>"}[random.nextInt(8)]
                        .getBytes(StandardCharsets.UTF_8);
                return concat(concat(slice(out, 0, at), markup), slice(out, at, out.length));
            }
        }
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
