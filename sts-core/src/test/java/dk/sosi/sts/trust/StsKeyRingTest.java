package dk.sosi.sts.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.sosi.sts.testkit.pki.IssuedCredential;
import dk.sosi.sts.xmldsig.TestSigningKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StsKeyRingTest {

    private static final Instant ROLLOVER = Instant.parse("2027-03-01T02:00:00Z");

    private final IssuedCredential old = TestSigningKeys.employee();
    private final IssuedCredential next = TestSigningKeys.other();
    private final StsKeyRing.Keys keys = new StsKeyRing.Keys(new StsCredential(old.privateKey(), List.of(old.certificate())),
            Optional.of(new StsCredential(next.privateKey(), List.of(next.certificate()))), ROLLOVER, Map.of());

    @Test
    void atWhenARequestArrivedBeforeTheInstantThenTheOldKeyEvenIfTheClockHasPassedIt() {
        StsKeyRing ring = new StsKeyRing(() -> keys, Clock.fixed(ROLLOVER.plusMillis(5), ZoneOffset.UTC));

        assertEquals(old.certificate(), ring.at(ROLLOVER.minusMillis(1)).certificate(), "both signatures of the answer");
        assertEquals(next.certificate(), ring.current().certificate());
        assertEquals(next.certificate(), ring.at(ROLLOVER).certificate());
    }
}
