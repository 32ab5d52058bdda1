package dk.sosi.sts.soap;

import dk.sosi.sts.exchange.IncomingRequest;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.fault.StsFault;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * Thread-safe. Writes the envelopes of one family of endpoints (DGWS or OIO WS-Trust): the answer that
 * carries an issued token and the fault that refuses a request. Only the shared front calls it; exchanges
 * never write SOAP.
 */
public interface EnvelopeWriter {

    /** The answer to {@code request}, carrying {@code token} (moved into the answer's document). */
    Document answer(IncomingRequest request, IssuedToken token);

    /**
     * The fault answer for {@code fault}; {@code request} is the refused envelope, absent when the message
     * was not a SOAP 1.1 envelope at all.
     */
    Document fault(StsFault fault, Optional<SoapEnvelope> request);
}
