package dk.sosi.sts.sla;

import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.fault.StsFault;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe. Wraps one step of a request in an SLA log point and writes one line per call to the
 * logger {@value #LOGGER_NAME}, which an operator routes to its own file:
 * <pre>id=200 name=AbstractStsRequestHandler.request messageId=AAABc... start=2026-11-23T05:40:00.123Z durationMs=12 outcome=ok</pre>
 * The outcome is {@code ok}, {@code fault:<wst code>} when the caller's request was refused, or
 * {@code error:<exception>} when the STS failed.
 */
public final class SlaLog {

    public static final String LOGGER_NAME = "dk.sosi.sts.sla";
    /** Message ids are UUIDs or 28-character Seal ids; a longer one is cut in the log. */
    static final int MAX_MESSAGE_ID = 128;
    private static final Logger SLA = LoggerFactory.getLogger(LOGGER_NAME);

    /** Writes nothing: for a client's own signing and tests that have no SLA to keep. */
    public static final SlaLog NONE = new SlaLog(Clock.systemUTC(), false);

    private final Clock clock;
    private final boolean writing;

    public SlaLog(Clock clock) {
        this(clock, true);
    }

    private SlaLog(Clock clock, boolean writing) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writing = writing;
    }

    /** A step measured by a log point; may throw what the step throws. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code step} inside log point {@code point} for {@code request}, whose message id the line carries. */
    public <T, E extends Exception> T measure(SlaPoint point, RequestContext request, Step<T, E> step) throws E {
        if (!writing) {
            return step.run();
        }
        String messageId = request.messageId();
        Instant start = clock.instant();
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            return step.run();
        } catch (StsFault fault) {
            outcome = "fault:" + fault.code().localName();
            throw fault;
        } catch (RuntimeException | Error e) {
            outcome = "error:" + e.getClass().getSimpleName();
            throw e;
        } catch (Exception e) {
            outcome = "error:" + e.getClass().getSimpleName();
            throw e;
        } finally {
            if (SLA.isInfoEnabled()) {
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
                SLA.info(line(point, messageId, start, micros, outcome));
            }
        }
    }

    /** Built by hand: it runs several times per request, where format strings and regexes showed in the profile. */
    private static String line(SlaPoint point, String messageId, Instant start, long micros, String outcome) {
        StringBuilder line = new StringBuilder(160).append("id=").append(point.id()).append(" name=").append(point.pointName())
                .append(" messageId=");
        appendToken(line, messageId);
        line.append(" start=").append(start).append(" durationMs=").append(micros / 1000).append('.');
        long fraction = micros % 1000;
        if (fraction < 100) {
            line.append(fraction < 10 ? "00" : "0");
        }
        return line.append(fraction).append(" outcome=").append(outcome).toString();
    }

    /**
     * Keeps a line one line, splittable on spaces and short, whatever a caller put in its message id:
     * blanks, {@code =} and control characters become {@code _}, and an id longer than
     * {@value #MAX_MESSAGE_ID} characters is cut (marked with {@code …}).
     */
    private static void appendToken(StringBuilder line, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            line.append('-');
            return;
        }
        int length = Math.min(messageId.length(), MAX_MESSAGE_ID);
        for (int i = 0; i < length; i++) {
            char c = messageId.charAt(i);
            line.append(Character.isWhitespace(c) || Character.isISOControl(c) || c == '=' || c == '\u2028' || c == '\u2029'
                    ? '_' : c);
        }
        if (messageId.length() > MAX_MESSAGE_ID) {
            line.append('…');
        }
    }
}
