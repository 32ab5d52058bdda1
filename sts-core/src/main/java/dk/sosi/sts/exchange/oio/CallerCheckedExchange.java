package dk.sosi.sts.exchange.oio;

import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.IncomingRequest;
import dk.sosi.sts.exchange.IssuedToken;
import java.util.Objects;

/** Thread-safe. An OIO endpoint: its caller check, then its exchange. */
public final class CallerCheckedExchange implements Exchange {

    private final CallerCheck callers;
    private final OioExchange exchange;

    public CallerCheckedExchange(CallerCheck callers, OioExchange exchange) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
    }

    @Override
    public IssuedToken exchange(IncomingRequest request) {
        return exchange.exchange(callers.check(request));
    }
}
