package dk.sosi.sts.demo.bench;

import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What refusing costs the STS: requests signed by a key whose RSA public exponent has 3070 bits (every
 * signature check with it costs milliseconds) against requests from an ordinary untrusted signer. The
 * key policy and the signer's trust are checked before any signature arithmetic, so the two should
 * cost about the same; the ratio is reported.
 */
final class RefusalCostRun {

    /** Immutable. Server CPU per refused request, in milliseconds. */
    record Outcome(double ordinaryMs, double hugeExponentMs, long ordinaryRequests, long hugeExponentRequests) {

        double ratio() {
            return hugeExponentMs / ordinaryMs;
        }
    }

    private RefusalCostRun() {
    }

    /**
     * @param requestsFrom builds pre-signed requests from a signer
     * @param untrusted    an ordinary signer the STS does not trust
     */
    static Outcome run(URI endpoint, Function<IssuedCredential, List<byte[]>> requestsFrom, IssuedCredential untrusted,
            int clients, double seconds, ServerProbe probe) throws Exception {
        List<byte[]> ordinary = requestsFrom.apply(untrusted);
        List<byte[]> hostile = requestsFrom.apply(hugeExponentSigner());
        LoadRun.run(endpoint, ordinary, clients, 5, 0); // warm the refusal path
        LoadRun.run(endpoint, hostile, clients, 5, 0);
        double[] ordinaryCost = cpuPerRequest(endpoint, ordinary, clients, seconds, probe);
        double[] hostileCost = cpuPerRequest(endpoint, hostile, clients, seconds, probe);
        return new Outcome(ordinaryCost[0], hostileCost[0], (long) ordinaryCost[1], (long) hostileCost[1]);
    }

    /** CPU milliseconds per request and the number of requests. */
    private static double[] cpuPerRequest(URI endpoint, List<byte[]> requests, int clients, double seconds, ServerProbe probe)
            throws Exception {
        ServerProbe.Reading before = probe.read();
        LoadRun.Result result = LoadRun.run(endpoint, requests, clients, seconds, 0);
        ServerProbe.Reading after = probe.read();
        return new double[] {(after.cpuSeconds() - before.cpuSeconds()) * 1000 / Math.max(1, result.requests()), result.requests()};
    }

    /** A throwaway certificate for a 3072-bit RSA key whose public exponent is a 3070-bit prime. */
    private static IssuedCredential hugeExponentSigner() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(3072, BigInteger.probablePrime(3070, new SecureRandom())));
        KeyPair keyPair = generator.generateKeyPair();
        Instant now = Instant.now();
        CertificateAuthority ca = CertificateAuthority.createRoot("CN=Benchmark throwaway CA, O=SOSI-STS benchmark, C=DK",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        return ca.issue(CertificateRequest.builder(
                "CN=Huge exponent + SERIALNUMBER=CVR:20921897-FID:31337, O=SOSI-STS benchmark // CVR:20921897, C=DK",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))).keyPair(keyPair).build());
    }
}
