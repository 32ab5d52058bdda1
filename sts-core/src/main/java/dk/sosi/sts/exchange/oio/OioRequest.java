package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.exchange.Caller;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.soap.SoapEnvelope;
import java.util.Objects;

/**
 * Immutable. An OIO request that has passed the {@link CallerCheck}: only the caller check creates one, so
 * an {@link OioExchange} cannot run on a request whose caller was not checked. Its context carries the
 * checked {@link Caller}.
 */
public final class OioRequest {

    private final RequestContext context;
    private final SoapEnvelope envelope;
    private final RequestSecurityToken token;

    OioRequest(RequestContext context, SoapEnvelope envelope, RequestSecurityToken token) {
        this.context = Objects.requireNonNull(context, "context");
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.token = Objects.requireNonNull(token, "token");
        if (context.caller().isEmpty()) {
            throw new IllegalArgumentException("An OIO request needs its checked caller");
        }
    }

    /** The request's context, with the checked caller. */
    public RequestContext context() {
        return context;
    }

    public Caller caller() {
        return context.caller().orElseThrow();
    }

    public SoapEnvelope envelope() {
        return envelope;
    }

    /** The {@code wst:RequestSecurityToken}, read. */
    public RequestSecurityToken token() {
        return token;
    }
}
