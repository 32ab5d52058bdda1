package dk.sosi.sts.fault;

import java.util.Objects;

/**
 * Immutable. The caller's request was refused: carries the fault code, a message that tells the
 * caller what to fix, and the {@code faultactor}. The message is made safe once, here ({@link CallerText}):
 * it may repeat values from the request, and it goes both to the caller and to the log. Thrown only for the caller's errors; the STS's
 * own failures are other exceptions that {@link FaultMapper} turns into {@link FaultCode#REQUEST_FAILED}.
 */
public final class StsFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FaultCode code;
    private final String actor;

    public StsFault(FaultCode code, String message) {
        this(code, message, FaultCode.STS_ACTOR);
    }

    public StsFault(FaultCode code, String message, String actor) {
        super(CallerText.limit(Objects.requireNonNull(message, "message"), CallerText.MAX_MESSAGE), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    public FaultCode code() {
        return code;
    }

    public String actor() {
        return actor;
    }
}
