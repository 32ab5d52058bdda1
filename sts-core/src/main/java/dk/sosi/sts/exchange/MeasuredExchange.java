package dk.sosi.sts.exchange;

import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import java.util.Objects;

/** Thread-safe. An exchange measured by an SLA log point: one line per request, with its message id and outcome. */
public final class MeasuredExchange implements Exchange {

    private final SlaPoint point;
    private final SlaLog sla;
    private final Exchange exchange;

    public MeasuredExchange(SlaPoint point, SlaLog sla, Exchange exchange) {
        this.point = Objects.requireNonNull(point, "point");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
    }

    @Override
    public IssuedToken exchange(IncomingRequest request) {
        return sla.measure(point, request.context(), () -> exchange.exchange(request));
    }
}
