package dk.sosi.sts.exchange;

import org.w3c.dom.Document;

/**
 * Thread-safe. One token exchange behind one endpoint: takes the checked SOAP request and returns
 * the response envelope, or throws {@link dk.sosi.sts.fault.StsFault} when the caller's request is refused.
 */
@FunctionalInterface
public interface Exchange {

    Document exchange(SoapRequest request);
}
