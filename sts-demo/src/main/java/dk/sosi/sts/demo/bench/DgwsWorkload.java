package dk.sosi.sts.demo.bench;

import dk.sosi.sts.demo.DemoClient;
import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.client.DgwsRequestBuilder;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardType;
import dk.sosi.sts.token.idcard.NameId;
import dk.sosi.sts.token.idcard.SystemLog;
import dk.sosi.sts.xml.SecureXml;
import dk.sosi.sts.xmldsig.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** NewSecurityTokenService: level-3 system cards signed by the demo FOCES and VOCES certificates. */
final class DgwsWorkload implements Workload {

    private final DemoConfiguration demo;

    DgwsWorkload(DemoConfiguration demo) {
        this.demo = demo;
    }

    @Override
    public String endpoint() {
        return "NewSecurityTokenService";
    }

    @Override
    public int privateKeyOperations() {
        return 1;
    }

    @Override
    public double multipleTarget() {
        return 1.5;
    }

    @Override
    public List<IssuedCredential> signers() {
        return List.of(demo.loadClientCredential(DemoClient.SYSTEM_FOCES), demo.loadClientCredential(DemoClient.SYSTEM_VOCES));
    }

    @Override
    public List<byte[]> requests(List<IssuedCredential> signers, int count) {
        DgwsRequestBuilder builder = new DgwsRequestBuilder(ZoneId.of("Europe/Copenhagen"));
        List<byte[]> requests = new ArrayList<>();
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        for (int i = 0; i < count; i++) {
            IssuedCredential signer = signers.get(i % signers.size());
            IdCard card = IdCard.builder().issuer("Benchmark").nameId(new NameId("medcom:cvrnumber", "20921897"))
                    .issueInstant(notBefore).notBefore(notBefore).notOnOrAfter(notBefore.plus(Duration.ofHours(24)))
                    .idCardId(UUID.randomUUID().toString()).version(DgwsVersion.V1_0_1).type(IdCardType.SYSTEM)
                    .authenticationLevel(3)
                    .ocesCertHash(Optional.of(sha1(signer.certificate())))
                    .userLog(Optional.empty()).systemLog(new SystemLog("Benchmark EPJ", "medcom:cvrnumber", "20921897", "Demo Lægehus"))
                    .usernameToken(Optional.empty()).build();
            requests.add(SecureXml.toBytes(builder.request(card, signer.privateKey(), signer.certificate(),
                    SignatureAlgorithm.RSA_SHA1, UUID.randomUUID().toString(), Instant.now())));
        }
        return requests;
    }

    private static String sha1(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
