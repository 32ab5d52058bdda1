package dk.sosi.sts.demo.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

/**
 * The machine's ceiling for the STS's one unavoidable cost: RSA-2048 SHA256withRSA signatures per
 * second on one core with the JCA provider the STS signs with. Benchmark figures are divided by it so
 * that results compare across machines.
 */
final class SignatureCeiling {

    private SignatureCeiling() {
    }

    /**
     * Signatures per second on the calling thread: the best of {@code rounds} one-second rounds after a
     * warm-up, since a ceiling is what the core can do when nothing else on the machine disturbs it.
     */
    static double measure(int rounds) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] data = new byte[512];
        Signature signature = Signature.getInstance("SHA256withRSA");
        run(signature, keys, data, 2_000_000_000L);
        double best = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            long count = run(signature, keys, data, 1_000_000_000L);
            best = Math.max(best, count / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private static long run(Signature signature, KeyPair keys, byte[] data, long nanos) throws Exception {
        long end = System.nanoTime() + nanos;
        long count = 0;
        while (System.nanoTime() < end) {
            signature.initSign(keys.getPrivate());
            signature.update(data);
            signature.sign();
            data[(int) (count++ % data.length)]++;
        }
        return count;
    }
}
