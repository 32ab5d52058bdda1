package dk.sosi.sts.exchange.bst2sosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.ReloadStatus;
import dk.sosi.sts.configuration.StsConfiguration;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustedIdpsTest {

    private static TrustedIdps idps(AttributeTable table) {
        ConfigurationSnapshot snapshot = new ConfigurationSnapshot(List.of(), AttributeTable.empty(), table, AttributeTable.empty(),
                List.of(), List.of(), AttributeTable.empty(), List.of(), Instant.EPOCH);
        return new TrustedIdps(new StsConfiguration() {
            @Override
            public ConfigurationSnapshot current() {
                return snapshot;
            }

            @Override
            public ReloadStatus status() {
                return ReloadStatus.neverReloaded();
            }
        });
    }

    @Test
    void decryptionKeysWhenSeveralIssuersThenEveryReadableKeyOnce() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey a = generator.generateKeyPair().getPrivate();
        PrivateKey b = generator.generateKeyPair().getPrivate();
        AttributeTable.Builder table = AttributeTable.builder();
        table.addIfAbsent("https://a/", "encryptionKey.1", Base64.getMimeEncoder().encodeToString(a.getEncoded()));
        table.addIfAbsent("https://a/", "encryptionKey.broken", "MIIG/QIBADANBgkqhkiG9w0BAQEFAASC");
        table.addIfAbsent("https://b/", "encryptionKey.1", Base64.getEncoder().encodeToString(b.getEncoded()));
        table.addIfAbsent("https://c/", "encryptionKey.same", Base64.getEncoder().encodeToString(b.getEncoded()));

        assertEquals(List.of(a, b), idps(table.build()).decryptionKeys());
    }

    @Test
    void whitelistedWhenIssuerAndStarRowsThenBoth() {
        AttributeTable.Builder table = AttributeTable.builder();
        table.addIfAbsent("https://a/", "certificate.portal", " CVR:1-FID:1 ");
        table.addIfAbsent("*", "certificate.all", "CVR:2-FID:2");
        table.addIfAbsent("https://b/", "certificate.other", "CVR:3-FID:3");
        TrustedIdps idps = idps(table.build());

        assertEquals(Set.of("CVR:1-FID:1", "CVR:2-FID:2"), idps.whitelisted("https://a/"));
        assertEquals(Set.of("CVR:1-FID:1", "CVR:2-FID:2", "CVR:3-FID:3"), idps.whitelistedForAnyIssuer());
    }

    @Test
    void profilesAndValidateHokWhenConfiguredThenRead() {
        AttributeTable.Builder table = AttributeTable.builder();
        table.addIfAbsent("https://a/", "tokenProfile.1", "OIOH3BST");
        table.addIfAbsent("https://a/", "tokenProfile.2", " OIO3BST ");
        table.addIfAbsent("https://a/", "tokenProfile.3", "OIO2BST_CITIZEN");
        table.addIfAbsent("https://a/", "validateHOK", "FALSE");
        TrustedIdps idps = idps(table.build());

        assertEquals(Set.of(BootstrapTokenProfile.OIOH3BST, BootstrapTokenProfile.OIO3BST), idps.profiles("https://a/"));
        assertFalse(idps.validateHolderOfKey("https://a/"));
        assertTrue(idps.validateHolderOfKey("https://unconfigured/"));
    }
}
