package dk.sosi.sts.trust;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.configuration.AttributeTable;
import dk.sosi.sts.configuration.ConfigurationSnapshot;
import dk.sosi.sts.configuration.EditableConfiguration;
import dk.sosi.sts.configuration.StsConfiguration;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.SignerCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trust engines besides the federation's PKI: a keystore, the trusted-IdP rows of the database, and the STS itself. */
class TrustEnginesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static CertificateAuthority ca;
    private static IssuedCredential idp;
    private static IssuedCredential renewedIdp;
    private static IssuedCredential expiredIdp;
    private static IssuedCredential revokedIdp;
    private static IssuedCredential stranger;
    private final ListCrlStore crls = new ListCrlStore(NOW);
    private final CertificateValidity validity = new CertificateValidity(CLOCK, new RevocationChecker(crls));

    @BeforeAll
    static void pki() {
        ca = CertificateAuthority.createRoot("CN=Trust Engines Test CA, C=DK", NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(3650)));
        idp = issue("CN=IdP + SERIALNUMBER=UI:DK-O:G:1, C=DK", NOW.minus(Duration.ofDays(1)));
        renewedIdp = issue("CN=IdP + SERIALNUMBER=UI:DK-O:G:1, C=DK", NOW.minus(Duration.ofHours(1)));
        expiredIdp = ca.issue(CertificateRequest.builder("CN=Old IdP + SERIALNUMBER=UI:DK-O:G:2, C=DK", NOW.minus(Duration.ofDays(9)),
                NOW.minus(Duration.ofDays(1))).build());
        revokedIdp = issue("CN=Revoked IdP + SERIALNUMBER=UI:DK-O:G:3, C=DK", NOW.minus(Duration.ofDays(1)));
        stranger = issue("CN=Stranger + SERIALNUMBER=UI:DK-O:G:4, C=DK", NOW.minus(Duration.ofDays(1)));
    }

    private static IssuedCredential issue(String dn, Instant from) {
        return ca.issue(CertificateRequest.builder(dn, from, NOW.plus(Duration.ofDays(300))).build());
    }

    private void revoke(IssuedCredential credential) {
        crls.store(ca.crl(List.of(credential.certificate().getSerialNumber()), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1))), "t");
    }

    private static StsFault refused(SignerCheck check, IssuedCredential signer) {
        return assertThrows(StsFault.class, () -> check.check(signer.certificate()));
    }

    // --- a keystore (NBOTrustStore, JWTTrustStore) ---

    private KeystoreTrust keystore() {
        return new KeystoreTrust(TrustStore.of("test-jwt-idp-trust.jks", Map.of("Demo-JWT-IdP", idp.certificate(),
                "expired", expiredIdp.certificate(), "revoked", revokedIdp.certificate())), validity);
    }

    @Test
    void keystoreTrustWhenCertificateInTheStoreThenTrustedAndAnotherFromTheSameCaNot() {
        KeystoreTrust trust = keystore();

        assertDoesNotThrow(() -> trust.check(idp.certificate()));
        StsFault fault = refused(trust, stranger);
        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals(FederationTrust.UNTRUSTED, fault.getMessage());
    }

    @Test
    void keystoreTrustWhenStoredCertificateExpiredOrRevokedThenInvalidSecurityToken() {
        KeystoreTrust trust = keystore();
        revoke(revokedIdp);

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, refused(trust, expiredIdp).code());
        StsFault revoked = refused(trust, revokedIdp);
        assertEquals(String.format(CertificateValidity.REVOKED, "UI:DK-O:G:3"), revoked.getMessage());
    }

    @Test
    void keystoreTrustWhenStoreReloadedThenTheNewCertificateAndKidCountAndTheRemovedNot() {
        AtomicReference<TrustStore> store = new AtomicReference<>(TrustStore.of("test-jwt-idp-trust.jks",
                Map.of("Demo-JWT-IdP", idp.certificate())));
        KeystoreTrust trust = new KeystoreTrust(store::get, validity);

        store.set(TrustStore.of("test-jwt-idp-trust.jks", Map.of("Demo-JWT-IdP-2027", renewedIdp.certificate())));

        assertDoesNotThrow(() -> trust.check(renewedIdp.certificate()));
        assertEquals(Optional.of(renewedIdp.certificate()), trust.byKid("Demo-JWT-IdP-2027"));
        assertEquals(FederationTrust.UNTRUSTED, refused(trust, idp).getMessage());
        assertEquals(Optional.empty(), trust.byKid("Demo-JWT-IdP"));
    }

    @Test
    void byKidWhenAliasDiffersOnlyInCaseThenFound() {
        KeystoreTrust trust = keystore();

        assertEquals(Optional.of(idp.certificate()), trust.byKid("demo-jwt-idp"));
        assertEquals(Optional.of(idp.certificate()), trust.byKid("DEMO-JWT-IDP"));
        assertEquals(Optional.empty(), trust.byKid("unknown"));
    }

    // --- trusted-IdP rows (trustedIdpConfiguration signingKey.xxx) ---

    private static String base64(IssuedCredential credential) throws Exception {
        String der = Base64.getEncoder().encodeToString(credential.certificate().getEncoded());
        return der.substring(0, 40) + "\r\n  " + der.substring(40); // as an admin may paste it
    }

    private static ConfigurationSnapshot snapshot(AttributeTable trustedIdp) {
        return new ConfigurationSnapshot(List.of(), AttributeTable.empty(), trustedIdp, AttributeTable.empty(), List.of(), List.of(),
                AttributeTable.empty(), List.of(), NOW);
    }

    private static StsConfiguration configuration(AttributeTable trustedIdp) {
        return new EditableConfiguration(snapshot(trustedIdp));
    }

    @Test
    void trustedIdpTrustWhenOldAndNewSigningKeyConfiguredThenBothTrustedForThatIssuerOnly() throws Exception {
        AttributeTable.Builder rows = AttributeTable.builder();
        rows.addIfAbsent("https://oio3bst-issuer.dk", "signingKey.2025", base64(idp));
        rows.addIfAbsent("https://oio3bst-issuer.dk", "signingKey.2026", base64(renewedIdp));
        rows.addIfAbsent("https://oio3bst-issuer.dk", "tokenProfile.1", "OIO3BST");
        rows.addIfAbsent("https://other-issuer.dk", "signingKey.1", base64(stranger));
        TrustedIdpTrust trust = new TrustedIdpTrust(configuration(rows.build()), ConfigurationSnapshot::trustedIdpConfiguration, validity);

        assertDoesNotThrow(() -> trust.forIssuer("https://oio3bst-issuer.dk").check(idp.certificate()));
        assertDoesNotThrow(() -> trust.forIssuer("https://oio3bst-issuer.dk").check(renewedIdp.certificate()));
        assertEquals(FederationTrust.UNTRUSTED, refused(trust.forIssuer("https://oio3bst-issuer.dk"), stranger).getMessage());
        assertEquals(FederationTrust.UNTRUSTED, refused(trust.forIssuer("https://unknown.dk"), idp).getMessage());
    }

    @Test
    void trustedIdpTrustWhenAdminEditsTheRowThenTheNextSnapshotDecides() throws Exception {
        EditableConfiguration configuration = new EditableConfiguration(snapshot(AttributeTable.empty()));
        TrustedIdpTrust trust = new TrustedIdpTrust(configuration, ConfigurationSnapshot::trustedIdpConfiguration, validity);
        SignerCheck issuer = trust.forIssuer("https://oio3bst-issuer.dk");
        refused(issuer, idp);

        AttributeTable.Builder rows = AttributeTable.builder();
        rows.addIfAbsent("https://oio3bst-issuer.dk", "signingKey.1", base64(idp));
        configuration.set(snapshot(rows.build()));

        assertDoesNotThrow(() -> issuer.check(idp.certificate()));
    }

    @Test
    void trustedIdpTrustWhenValueIsNoCertificateThenItTrustsNothingAndTheOthersStillCount() throws Exception {
        AttributeTable.Builder rows = AttributeTable.builder();
        rows.addIfAbsent("https://oio3bst-issuer.dk", "signingKey.broken", "not base64 at all");
        rows.addIfAbsent("https://oio3bst-issuer.dk", "signingKey.good", base64(idp));
        TrustedIdpTrust trust = new TrustedIdpTrust(configuration(rows.build()), ConfigurationSnapshot::trustedIdpConfiguration, validity);

        assertDoesNotThrow(() -> trust.forIssuer("https://oio3bst-issuer.dk").check(idp.certificate()));
    }

    // --- the STS itself ---

    @Test
    void stsSelfTrustWhenCurrentOrPreviousCertificateThenTrustedAndNoOtherCertificate() {
        StsSelfTrust trust = new StsSelfTrust(new StsCredential(renewedIdp.privateKey(), List.of(renewedIdp.certificate()),
                List.of(idp.certificate())), validity);

        assertDoesNotThrow(() -> trust.check(renewedIdp.certificate()));
        assertDoesNotThrow(() -> trust.check(idp.certificate()));
        assertEquals(FederationTrust.UNTRUSTED, refused(trust, stranger).getMessage());
    }

    @Test
    void stsSelfTrustWhenTheKeysRollOverThenAskedAfreshOnEveryCheck() {
        AtomicReference<StsCredential> current = new AtomicReference<>(new StsCredential(idp.privateKey(),
                List.of(idp.certificate())));
        StsSelfTrust trust = new StsSelfTrust(current::get, validity);
        assertEquals(FederationTrust.UNTRUSTED, refused(trust, renewedIdp).getMessage());

        current.set(new StsCredential(renewedIdp.privateKey(), List.of(renewedIdp.certificate()), List.of(idp.certificate())));

        assertDoesNotThrow(() -> trust.check(renewedIdp.certificate()));
        assertDoesNotThrow(() -> trust.check(idp.certificate()));
    }

    @Test
    void stsSelfTrustWhenPreviousCertificateExpiredThenItsTokensAreRefused() {
        StsSelfTrust trust = new StsSelfTrust(new StsCredential(idp.privateKey(), List.of(idp.certificate()),
                List.of(expiredIdp.certificate())), validity);

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, refused(trust, expiredIdp).code());
    }
}
