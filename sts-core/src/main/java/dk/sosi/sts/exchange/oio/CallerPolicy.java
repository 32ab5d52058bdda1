package dk.sosi.sts.exchange.oio;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable. What an endpoint demands of its callers (exchanges.md 2.4): whether the message must be signed
 * (a signature present is verified either way), how far the caller's clock may be off, and which signers
 * may ask for a request's audience (by subject serial number; none for endpoints any trusted certificate
 * may use).
 */
public record CallerPolicy(boolean signatureRequired, Duration allowedDrift, Whitelist whitelist) {

    /** The subject serial numbers allowed to make a request, or empty when any trusted signer may. */
    @FunctionalInterface
    public interface Whitelist {

        /** Any trusted signer may make any request. */
        Whitelist NONE = request -> Optional.empty();

        Optional<Set<String>> allowedSigners(RequestSecurityToken request);
    }

    public CallerPolicy {
        Objects.requireNonNull(allowedDrift, "allowedDrift");
        Objects.requireNonNull(whitelist, "whitelist");
        if (allowedDrift.isNegative()) {
            throw new IllegalArgumentException("allowedDrift must not be negative, was " + allowedDrift);
        }
    }
}
