package dk.sosi.sts.exchange;

import dk.sosi.sts.ServiceInfoCollector;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.FaultMapper;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.token.idcard.DgwsVersion;
import dk.sosi.sts.soap.Namespaces;
import dk.sosi.sts.soap.SoapEnvelope;
import dk.sosi.sts.soap.SoapFaultWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * Thread-safe. The shared front of every endpoint: checks the envelope, runs the endpoint's
 * {@link Exchange} inside SLA log point 200 ({@code AbstractStsRequestHandler.request}), turns any
 * failure into the endpoint's SOAP fault (for a DGWS 1.0 request, with its timestamp in DGWS 1.0 form),
 * and counts the request for the monitoring pages.
 */
public final class StsRequestHandler {

    static final String NOT_AVAILABLE = "The %s exchange is not available in this version of the STS";

    private final Map<StsEndpoint, Exchange> exchanges;
    private final FaultMapper faults;
    private final SoapFaultWriter faultWriter;
    private final SlaLog sla;
    private final ServiceInfoCollector requests;
    private final RequestListener listener;
    private final Clock clock;

    public StsRequestHandler(Map<StsEndpoint, Exchange> exchanges, FaultMapper faults, SoapFaultWriter faultWriter,
            SlaLog sla, ServiceInfoCollector requests, RequestListener listener, Clock clock) {
        this.exchanges = exchanges.isEmpty() ? Map.of() : new EnumMap<>(exchanges);
        this.faults = Objects.requireNonNull(faults, "faults");
        this.faultWriter = Objects.requireNonNull(faultWriter, "faultWriter");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Handles a parsed request to {@code endpoint}; never throws. */
    public StsResponse handle(StsEndpoint endpoint, Document document) {
        Instant received = clock.instant();
        long started = System.nanoTime();
        Optional<String> messageId = Optional.empty();
        DgwsVersion version = DgwsVersion.V1_0_1;
        StsResponse response;
        Optional<FaultCode> fault = Optional.empty();
        try {
            SoapEnvelope envelope = SoapEnvelope.of(document);
            messageId = envelope.messageId();
            if (Namespaces.WST_2005_02.equals(endpoint.trustNamespace())) {
                version = envelope.created().map(DgwsVersion::ofCreated).orElse(DgwsVersion.V1_0_1);
            }
            SoapRequest request = new SoapRequest(endpoint.path(), envelope, messageId.orElse("-"), received);
            Document answer = sla.measure(SlaPoint.REQUEST, request.messageId(), () -> exchangeFor(endpoint).exchange(request));
            response = new StsResponse(answer, false);
        } catch (RuntimeException e) {
            StsFault refusal = faults.toFault(endpoint.path(), e);
            fault = Optional.of(refusal.code());
            response = new StsResponse(faultWriter.write(refusal, endpoint.trustNamespace(), messageId, version), true);
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
        return new StsResponse(faultWriter.write(fault, endpoint.trustNamespace(), Optional.empty()), true);
    }

    private Exchange exchangeFor(StsEndpoint endpoint) {
        Exchange exchange = exchanges.get(endpoint);
        if (exchange == null) {
            throw new StsFault(FaultCode.REQUEST_FAILED, String.format(NOT_AVAILABLE, endpoint.path()));
        }
        return exchange;
    }
}
