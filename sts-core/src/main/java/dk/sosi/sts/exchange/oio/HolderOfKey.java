package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.exchange.Caller;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Stateless. The holder-of-key rule (exchanges.md 2.4 step 8): a token confirmed by holder-of-key may be
 * presented only by a caller who signed the message with that key.
 */
public final class HolderOfKey {

    /** Seal's text for a mismatch, which client developers search for. */
    public static final String MISMATCH = "Signing certificate and holder-of-key certificate relation do not match";

    private HolderOfKey() {
    }

    /** Accepts when {@code caller} signed with the key of {@code confirmation}; else {@code wst:FailedAuthentication}. */
    public static void check(X509Certificate confirmation, Caller caller) {
        boolean sameKey = caller.certificate().map(signer -> Arrays.equals(signer.getPublicKey().getEncoded(),
                confirmation.getPublicKey().getEncoded())).orElse(false);
        if (!sameKey) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, MISMATCH);
        }
    }
}
