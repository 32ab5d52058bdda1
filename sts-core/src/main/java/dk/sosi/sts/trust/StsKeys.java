package dk.sosi.sts.trust;

import java.time.Instant;

/**
 * Thread-safe. Where the STS finds the key it signs with now: after a keystore reload or past a key
 * rollover's instant the answer changes, so a signer asks for every token and keeps nothing.
 */
@FunctionalInterface
public interface StsKeys {

    /** The credential to sign with now; its key, chain and trusted own certificates belong together. */
    StsCredential current();

    /**
     * The credential to sign with for a request that arrived at {@code arrival}: every signature of one answer (the
     * token's and the message's) is made with the same key, even when a planned rollover's instant falls between them.
     */
    default StsCredential at(Instant arrival) {
        return current();
    }
}
