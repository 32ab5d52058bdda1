package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.exchange.IssuedToken;

/**
 * Thread-safe. One OIO token exchange: gets a request whose caller has been checked and returns what it
 * issued, or throws {@link dk.sosi.sts.fault.StsFault}. It reads like DESIGN.md's pipeline and never writes
 * SOAP, signs, verifies or checks trust by itself.
 */
@FunctionalInterface
public interface OioExchange {

    IssuedToken exchange(OioRequest request);
}
