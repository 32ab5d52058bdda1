package dk.sosi.sts.web.soap;

import dk.sosi.sts.config.RequestLimits;
import dk.sosi.sts.config.StsApplication;
import dk.sosi.sts.exchange.StsEndpoint;
import dk.sosi.sts.exchange.StsResponse;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.xml.MalformedXmlException;
import dk.sosi.sts.xml.SecureXml;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * One SOAP POST, from its first body byte to its answer. What has already arrived is read at once;
 * the rest, if any, with the servlet container's non-blocking I/O, so a caller that sends slowly holds
 * a connection but no server thread. Once the body is complete, the request is handled on a container
 * thread and answered (a body that had arrived whole, as most do, costs no thread hand-over). A body that passes
 * {@code maxRequestSizeBytes} gets 413; one that has not arrived within {@code requestArrivalTimeoutMillis},
 * or arrives slower than {@code minRequestDataRate}, gets 408; the connection is then closed. A caller
 * that goes away is forgotten without a log line. The container calls the read callbacks one at a
 * time; the arrival timeout may race them, so exactly one of them answers.
 */
final class RequestBody implements ReadListener, AsyncListener {

    static final String TOO_SLOW = "The request arrived slower than the %d bytes per second the STS accepts";
    static final String NOT_IN_TIME = "The request did not arrive completely within %d seconds";
    static final String UNREADABLE = "The request body could not be read: it ended before its Content-Length, "
            + "or its chunked encoding is broken";
    static final String NOT_XML = "The request is not a well-formed SOAP message (a DOCTYPE is never accepted): ";

    private static final Logger LOG = LoggerFactory.getLogger(RequestBody.class);
    private static final int FIRST_BUFFER = 16 * 1024;

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final StsApplication sts;
    private final StsEndpoint endpoint;
    private final Optional<Charset> charset;
    private final RequestLimits limits;
    private final long started = System.nanoTime();
    private final AtomicBoolean answered = new AtomicBoolean();
    private ServletInputStream in;
    private AsyncContext async;
    private byte[] body;
    private int length;

    RequestBody(HttpServletRequest request, HttpServletResponse response, StsApplication sts, StsEndpoint endpoint,
            Optional<Charset> charset) {
        this.request = request;
        this.response = response;
        this.sts = sts;
        this.endpoint = endpoint;
        this.charset = charset;
        this.limits = sts.requestLimits();
    }

    /**
     * Reads what has arrived without blocking and answers at once when that is the whole body; otherwise
     * returns after starting non-blocking reads, whose callbacks do the rest.
     */
    void read() throws IOException {
        long declared = request.getContentLengthLong();
        body = new byte[(int) (declared > 0 ? declared : Math.min(FIRST_BUFFER, limits.maxRequestSizeBytes()))];
        in = request.getInputStream();
        if (declared >= 0) {
            try {
                int available;
                while (length < declared && (available = in.available()) > 0) {
                    int read = in.read(body, length, (int) Math.min(available, declared - length));
                    if (read < 0) {
                        break;
                    }
                    length += read;
                }
            } catch (IOException e) {
                onError(e);
                return;
            }
            if (length == declared && answered.compareAndSet(false, true)) {
                answer();
                return;
            }
        }
        async = request.startAsync(request, response);
        async.setTimeout(limits.arrivalTimeout().toMillis());
        async.addListener(this);
        in.setReadListener(this);
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!answered.get() && in.isReady()) {
            if (length == body.length) {
                if (length >= limits.maxRequestSizeBytes()) {
                    refuse(SoapHttpFilter.tooLarge(limits), HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    return;
                }
                body = Arrays.copyOf(body, (int) Math.min(2L * length, limits.maxRequestSizeBytes() + 1));
            }
            int read = in.read(body, length, body.length - length);
            if (read < 0) {
                return;
            }
            length += read;
        }
        if (limits.tooSlow(length, elapsed())) {
            refuse(new StsFault(FaultCode.INVALID_REQUEST, String.format(TOO_SLOW, limits.minDataRate())),
                    HttpServletResponse.SC_REQUEST_TIMEOUT);
        }
    }

    @Override
    public void onAllDataRead() {
        if (length > limits.maxRequestSizeBytes()) {
            refuse(SoapHttpFilter.tooLarge(limits), HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        } else if (answered.compareAndSet(false, true)) {
            // Read callbacks may run on a thread that serves many connections (Undertow's I/O threads): handle elsewhere.
            async.start(this::answer);
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        refuse(new StsFault(FaultCode.INVALID_REQUEST, String.format(NOT_IN_TIME, limits.arrivalTimeout().toSeconds())),
                HttpServletResponse.SC_REQUEST_TIMEOUT);
    }

    /** The body broke off or its framing is broken; the answer reaches a caller that is still listening. */
    @Override
    public void onError(Throwable failure) {
        LOG.debug("The request body to {} could not be read: {}", endpoint.path(), String.valueOf(failure));
        refuse(new StsFault(FaultCode.INVALID_REQUEST, UNREADABLE), HttpServletResponse.SC_BAD_REQUEST);
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // nothing to release
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    /** Handles the whole body and writes the answer; in async mode, then completes. */
    private void answer() {
        try {
            StsResponse answer;
            try {
                InputStream xml = new ByteArrayInputStream(body, 0, length);
                Document document = charset.isPresent() ? SecureXml.parse(xml, charset.get()) : SecureXml.parse(xml);
                answer = sts.requestHandler().handle(endpoint, document);
            } catch (MalformedXmlException e) {
                answer = sts.requestHandler().unreadable(endpoint,
                        new StsFault(FaultCode.INVALID_REQUEST, NOT_XML + e.getMessage()));
            }
            SoapAnswers.write(answer, response, answer.fault() ? sts.httpCodeForFaultResponse() : HttpServletResponse.SC_OK);
        } finally {
            if (async != null) {
                async.complete();
            }
        }
    }

    /** Answers {@code fault} with {@code status} and closes the connection, unless another callback answered first. */
    private void refuse(StsFault fault, int status) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        try {
            response.setHeader("Connection", "close"); // do not read the rest of a body we refuse
            SoapAnswers.refuse(sts, endpoint, fault, response, status);
        } finally {
            if (async != null) {
                async.complete();
            }
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
