package dk.sosi.sts.web.launcher.bench;

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

    /** Signatures per second on the calling thread, after a warm-up. */
    static double measure(double seconds) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] data = new byte[512];
        Signature signature = Signature.getInstance("SHA256withRSA");
        run(signature, keys, data, (long) (1e9));
        long start = System.nanoTime();
        long count = run(signature, keys, data, (long) (seconds * 1e9));
        return count / ((System.nanoTime() - start) / 1e9);
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
