package dk.sosi.sts.trust;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Thread-safe. The STS's keys as its keystore holds them now (the supplier re-reads the file when it
 * changes), with an optional planned rollover: before {@code nextFrom} tokens are signed with the current
 * key, from it with the next one. Both credentials trust each other's certificate and the previous one,
 * so a token signed on either side of the instant, by this node or another whose clock differs a little,
 * is accepted back until it expires.
 */
public final class StsKeyRing implements StsKeys {

    private final Supplier<Keys> keys;
    private final Clock clock;

    public StsKeyRing(Supplier<Keys> keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public StsCredential current() {
        return at(clock.instant());
    }

    @Override
    public StsCredential at(Instant arrival) {
        Keys now = keys.get();
        return now.next().filter(next -> !arrival.isBefore(now.nextFrom())).orElse(now.current());
    }

    /**
     * Immutable. One reading of the STS keystore.
     *
     * @param current the key to sign with until {@code nextFrom}
     * @param next the key to sign with from {@code nextFrom}, if a rollover is planned
     * @param nextFrom when {@code next} takes over; ignored without one
     * @param byAlias every certificate of the STS in use, by alias, as {@code /sts/certificates} lists them
     */
    public record Keys(StsCredential current, Optional<StsCredential> next, Instant nextFrom, Map<String, X509Certificate> byAlias) {

        public Keys {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(nextFrom, "nextFrom");
            byAlias = Map.copyOf(byAlias);
        }
    }
}
