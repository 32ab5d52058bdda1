package dk.sosi.sts.exchange;

import java.time.Instant;
import java.util.Optional;

/** Request contexts for tests that call a step or a backend directly. */
public final class TestRequests {

    /** A DGWS request without a message id. */
    public static final RequestContext ANY = withMessageId("-");

    private TestRequests() {
    }

    /** A DGWS request whose SLA lines carry {@code messageId}. */
    public static RequestContext withMessageId(String messageId) {
        return new RequestContext(StsEndpoint.NEW_SECURITY_TOKEN_SERVICE, Instant.now(), WsAddressing.NONE, messageId,
                Optional.empty());
    }
}
