package dk.sosi.sts.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.demo.DemoConfiguration;
import dk.sosi.sts.demo.launcher.StsServer;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.testkit.pki.KeyPairSource;
import dk.sosi.sts.testkit.pki.KeystoreFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A planned rollover of the STS's own key, as the README tells an operator to do it: the new key beside the old one
 * in teststs-1.keystore (alias sts-2027) and services.xml's stsCredential naming it with nextKeyFrom. A client keeps
 * exchanging across the instant (a DGWS card, then Sosi2OIOSaml with it) on a second STS with that configuration,
 * and never gets a fault: cards issued before the instant carry the old key's signature and stay accepted after it.
 */
class StsKeyRolloverTest {

    /** Long enough for the second STS to start before the instant; the test runs this long plus two seconds. */
    private static final Duration START_THEN_ROLL = Duration.ofSeconds(12);
    private static final String NEW_STS_DN = "CN=SOSI Test Federation (funktionscertifikat)"
            + " + SERIALNUMBER=CVR:33257872-FID:18911862, O=SOSI-STS demo // CVR:33257872, C=DK";

    private static StsTestServer sts;
    private static StsServer node;
    private static OioClientFixture clients;
    private static IssuedCredential oldKey;
    private static IssuedCredential newKey;
    private static Instant rollover;

    @BeforeAll
    static void start(@TempDir Path folder) throws Exception {
        sts = StsTestServer.shared();
        clients = new OioClientFixture(sts);
        StsTestServer.copyConfiguration(folder);
        char[] password = DemoConfiguration.DEFAULT_PASSWORD.toCharArray();
        Path keystore = folder.resolve(DemoConfiguration.STS_KEYSTORE);
        oldKey = IssuedCredential.read(keystore, DemoConfiguration.STS_ALIAS, password);
        newKey = sts.embedded().demo().loadIssuingCa(KeyPairSource.fresh()).issue(CertificateRequest.builder(NEW_STS_DN,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(700))).build());
        KeystoreFiles.writeKeyStore(keystore, KeystoreFiles.JKS, Map.of(DemoConfiguration.STS_ALIAS, oldKey, "sts-2027", newKey),
                password);
        rollover = Instant.now().plus(START_THEN_ROLL).truncatedTo(ChronoUnit.MILLIS);
        Path services = folder.resolve("services.xml");
        String keyAlias = "<property name=\"keyAlias\" value=\"sts\"/>";
        assertTrue(Files.readString(services).contains(keyAlias), "services.xml names keyAlias");
        Files.writeString(services, Files.readString(services).replace(keyAlias, keyAlias
                + "<property name=\"nextKeyAlias\" value=\"sts-2027\"/><property name=\"nextKeyFrom\" value=\"" + rollover + "\"/>"));
        node = StsTestServer.startAnother(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void exchangeWhenTheKeyRollsOverWhileAClientKeepsExchangingThenNoFaultAndCardsOfTheOldKeyStayAccepted() throws Exception {
        assertTrue(Instant.now().isBefore(rollover), "the second STS started before the instant");
        List<Issued> cards = new CopyOnWriteArrayList<>();
        List<Throwable> faults = new CopyOnWriteArrayList<>();
        Thread client = new Thread(() -> {
            while (Instant.now().isBefore(rollover.plusSeconds(2))) {
                try {
                    Instant sent = Instant.now();
                    Element card = clients.employeeCard(node.baseUri());
                    cards.add(new Issued(sent, Instant.now(), JdkSignatureCheck.verify(card), card));
                    OioClientFixture.answer(clients.post(node.baseUri(), clients.signedRequest(card)));
                } catch (Throwable e) {
                    faults.add(e);
                }
            }
        }, "exchanging client");
        client.start();
        client.join(Duration.ofSeconds(60).toMillis());

        assertFalse(client.isAlive(), "the client finished");
        assertEquals(List.of(), faults);
        List<Issued> before = cards.stream().filter(card -> card.received().isBefore(rollover)).toList();
        List<Issued> after = cards.stream().filter(card -> !card.sent().isBefore(rollover)).toList();
        assertFalse(before.isEmpty(), "cards issued before the instant");
        assertFalse(after.isEmpty(), "cards issued after the instant");
        before.forEach(card -> assertEquals(oldKey.certificate(), card.signer(), "before " + rollover + ": " + card.sent()));
        after.forEach(card -> assertEquals(newKey.certificate(), card.signer(), "after " + rollover + ": " + card.sent()));

        OioClientFixture.answer(clients.post(node.baseUri(), clients.signedRequest(before.get(0).card())));

        String certificates = sts.get(URI.create(node.baseUri() + "/certificates")).body();
        assertTrue(certificates.contains(DemoConfiguration.STS_KEYSTORE + "/" + DemoConfiguration.STS_ALIAS), certificates);
        assertTrue(certificates.contains(DemoConfiguration.STS_KEYSTORE + "/sts-2027"), certificates);
        String status = sts.get(URI.create(node.baseUri() + "/status")).body();
        assertTrue(status.contains("stsCredential " + DemoConfiguration.STS_KEYSTORE + " loaded "), status);
    }

    /** A card the client got: when it asked, when it had the answer, and whose signature the card carries. */
    private record Issued(Instant sent, Instant received, X509Certificate signer, Element card) {
    }
}
