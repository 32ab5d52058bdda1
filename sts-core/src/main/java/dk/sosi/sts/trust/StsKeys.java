package dk.sosi.sts.trust;

/**
 * Thread-safe. Where the STS finds the key it signs with now: after a keystore reload or past a key
 * rollover's instant the answer changes, so a signer asks for every token and keeps nothing.
 */
@FunctionalInterface
public interface StsKeys {

    /** The credential to sign with now; its key, chain and trusted own certificates belong together. */
    StsCredential current();
}
