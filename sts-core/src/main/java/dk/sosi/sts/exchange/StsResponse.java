package dk.sosi.sts.exchange;

import java.util.Objects;
import org.w3c.dom.Document;

/** Immutable. The envelope an endpoint answers with, and whether it is a SOAP fault (decides the HTTP status). */
public record StsResponse(Document envelope, boolean fault) {

    public StsResponse {
        Objects.requireNonNull(envelope, "envelope");
    }
}
