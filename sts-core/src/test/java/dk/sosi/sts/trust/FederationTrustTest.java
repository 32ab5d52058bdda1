package dk.sosi.sts.trust;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.testkit.pki.CertificateAuthority;
import dk.sosi.sts.testkit.pki.CertificateRequest;
import dk.sosi.sts.testkit.pki.IssuedCredential;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FederationTrustTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static CertificateAuthority root;
    private static CertificateAuthority issuing;
    private static IssuedCredential valid;
    private static IssuedCredential revoked;
    private static IssuedCredential expired;
    private static IssuedCredential untrusted;
    private static CertificateAuthority other;

    @BeforeAll
    static void pki() {
        root = CertificateAuthority.createRoot("CN=Test Root, C=DK", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650)));
        issuing = root.issueIntermediate("CN=Test Issuing CA, C=DK", NOW.minus(Duration.ofDays(9)), NOW.plus(Duration.ofDays(3000)));
        valid = issue(issuing, "CN=Valid + SERIALNUMBER=CVR:11111111-FID:1, C=DK", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)));
        revoked = issue(issuing, "CN=Revoked + SERIALNUMBER=CVR:11111111-FID:2, C=DK", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)));
        expired = issue(issuing, "CN=Expired + SERIALNUMBER=CVR:11111111-FID:3, C=DK", NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(1)));
        other = CertificateAuthority.createRoot("CN=Other Root, C=DK", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650)));
        untrusted = issue(other, "CN=Untrusted + SERIALNUMBER=CVR:11111111-FID:4, C=DK", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300)));
    }

    private static IssuedCredential issue(CertificateAuthority ca, String dn, Instant from, Instant to) {
        return ca.issue(CertificateRequest.builder(dn, from, to).build());
    }

    private static FederationTrust validator(CrlStore crls) {
        return new FederationTrust(List.of(root.certificate(), issuing.certificate()), new RevocationChecker(crls), CLOCK);
    }

    @Test
    void validateWhenChainsToAnchorAndNotRevokedThenAccepted() {
        assertDoesNotThrow(() -> validator(new ListCrlStore(NOW)).check(valid.certificate()));
    }

    @Test
    void validateWhenTrustStoreReloadedThenItsNewRootCountsAndTheOldPathsAreForgotten() {
        AtomicReference<TrustStore> store = new AtomicReference<>(TrustStore.of("federation-trust.jks",
                Map.of("root", root.certificate(), "issuing", issuing.certificate())));
        FederationTrust trust = new FederationTrust(store::get, new RevocationChecker(new ListCrlStore(NOW)), CLOCK);
        trust.check(valid.certificate()); // its path is cached now

        store.set(TrustStore.of("federation-trust.jks", Map.of("other", other.certificate())));

        assertDoesNotThrow(() -> trust.check(untrusted.certificate()));
        StsFault fault = assertThrows(StsFault.class, () -> trust.check(valid.certificate()));
        assertEquals(FederationTrust.UNTRUSTED, fault.getMessage());
    }

    @Test
    void validateWhenIssuedByOtherRootThenUntrustedParty() {
        StsFault fault = assertThrows(StsFault.class, () -> validator(new ListCrlStore(NOW)).check(untrusted.certificate()));

        assertEquals(FaultCode.FAILED_AUTHENTICATION, fault.code());
        assertEquals(FederationTrust.UNTRUSTED, fault.getMessage());
    }

    @Test
    void validateWhenExpiredThenInvalidSecurityTokenNamingSerialNumber() {
        StsFault fault = assertThrows(StsFault.class, () -> validator(new ListCrlStore(NOW)).check(expired.certificate()));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertEquals(String.format(CertificateValidity.EXPIRED, "CVR:11111111-FID:3", expired.certificate().getNotAfter().toInstant()),
                fault.getMessage());
    }

    @Test
    void validateWhenOnIssuersCrlThenRevoked() {
        ListCrlStore crls = new ListCrlStore(NOW);
        crls.store(issuing.crl(List.of(revoked.certificate().getSerialNumber()), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1))), "t");

        StsFault fault = assertThrows(StsFault.class, () -> validator(crls).check(revoked.certificate()));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
        assertEquals(String.format(CertificateValidity.REVOKED, "CVR:11111111-FID:2"), fault.getMessage());
        assertDoesNotThrow(() -> validator(crls).check(valid.certificate()));
    }

    @Test
    void validateWhenIssuingCaRevokedByRootThenRefused() {
        ListCrlStore crls = new ListCrlStore(NOW);
        crls.store(root.crl(List.of(issuing.certificate().getSerialNumber()), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1))), "t");

        StsFault fault = assertThrows(StsFault.class, () -> validator(crls).check(valid.certificate()));

        assertEquals(FaultCode.INVALID_SECURITY_TOKEN, fault.code());
    }

    @Test
    void validateWhenSameSignerAgainAfterItWasRevokedThenRevokedDespiteTheCachedPath() {
        ListCrlStore crls = new ListCrlStore(NOW);
        FederationTrust validator = validator(crls);
        assertDoesNotThrow(() -> validator.check(revoked.certificate()));

        crls.store(issuing.crl(List.of(revoked.certificate().getSerialNumber()), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1))), "t");

        StsFault fault = assertThrows(StsFault.class, () -> validator.check(revoked.certificate()));
        assertEquals(String.format(CertificateValidity.REVOKED, "CVR:11111111-FID:2"), fault.getMessage());
    }

    @Test
    void constructWhenNoRootThenRefused() {
        X509Certificate intermediateOnly = issuing.certificate();

        assertThrows(IllegalArgumentException.class,
                () -> new FederationTrust(List.of(intermediateOnly), new RevocationChecker(new ListCrlStore(NOW)), CLOCK));
    }
}
