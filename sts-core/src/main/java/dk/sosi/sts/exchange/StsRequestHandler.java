package dk.sosi.sts.exchange;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.FaultMapper;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.soap.EnvelopeWriter;
import dk.sosi.sts.soap.SoapEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * Thread-safe. The shared front of every endpoint: checks the envelope, builds the request's context,
 * runs the endpoint's {@link Exchange} (each measured by SLA log point 200,
 * {@code AbstractStsRequestHandler.request}), answers in the envelope of the endpoint's family, turns any
 * failure into that family's SOAP fault, and counts the request for the monitoring pages.
 */
public final class StsRequestHandler {

    private final Map<StsEndpoint, Exchange> exchanges = new EnumMap<>(StsEndpoint.class);
    private final Map<StsEndpoint.Family, EnvelopeWriter> writers;
    private final FaultMapper faults;
    private final ServiceInfoCollector requests;
    private final RequestListener listener;
    private final Clock clock;

    /**
     * @param exchanges the exchange of every endpoint
     * @param writers   the envelope writer of each family
     */
    public StsRequestHandler(Map<StsEndpoint, Exchange> exchanges, Map<StsEndpoint.Family, EnvelopeWriter> writers,
            FaultMapper faults, SlaLog sla, ServiceInfoCollector requests, RequestListener listener, Clock clock) {
        Objects.requireNonNull(sla, "sla");
        for (StsEndpoint endpoint : StsEndpoint.values()) {
            Exchange exchange = exchanges.get(endpoint);
            if (exchange == null) {
                throw new IllegalArgumentException("No exchange for " + endpoint.path());
            }
            this.exchanges.put(endpoint, new MeasuredExchange(SlaPoint.REQUEST, sla, exchange));
        }
        this.writers = new EnumMap<>(writers);
        for (StsEndpoint.Family family : StsEndpoint.Family.values()) {
            if (!this.writers.containsKey(family)) {
                throw new IllegalArgumentException("No envelope writer for the " + family + " endpoints");
            }
        }
        this.faults = Objects.requireNonNull(faults, "faults");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Handles a parsed request to {@code endpoint}; never throws. */
    public StsResponse handle(StsEndpoint endpoint, Document document) {
        long started = System.nanoTime();
        EnvelopeWriter writer = writers.get(endpoint.family());
        Optional<SoapEnvelope> envelope = Optional.empty();
        StsResponse response;
        Optional<FaultCode> fault = Optional.empty();
        try {
            envelope = Optional.of(SoapEnvelope.of(document));
            IncomingRequest request = new IncomingRequest(
                    RequestContext.of(endpoint, envelope.get(), clock.instant()), envelope.get());
            IssuedToken token = exchanges.get(endpoint).exchange(request);
            response = new StsResponse(writer.answer(request, token), false);
        } catch (RuntimeException e) {
            StsFault refusal = faults.toFault(endpoint.path(), e);
            fault = Optional.of(refusal.code());
            response = new StsResponse(writer.fault(refusal, envelope), true);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (response.fault()) {
            requests.recordFailure(elapsed);
        } else {
            requests.recordSuccess(elapsed);
        }
        listener.completed(endpoint, fault, elapsed);
        return response;
    }

    /**
     * The fault answer for a request that never reached {@link #handle}, such as a body that is not
     * XML; {@code failure} is mapped like any other.
     */
    public StsResponse unreadable(StsEndpoint endpoint, Throwable failure) {
        StsFault fault = faults.toFault(endpoint.path(), failure);
        requests.recordFailure(Duration.ZERO);
        listener.completed(endpoint, Optional.of(fault.code()), Duration.ZERO);
        return new StsResponse(writers.get(endpoint.family()).fault(fault, Optional.empty()), true);
    }
}
