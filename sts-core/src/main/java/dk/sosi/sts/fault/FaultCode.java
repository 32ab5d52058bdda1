package dk.sosi.sts.fault;

/**
 * Immutable. The WS-Trust fault codes the STS answers with (the {@code wst:} local names of
 * protocol.md 4.4), each with the default {@code faultactor} and the DGWS {@code medcom:FaultCode}
 * that best describes it.
 */
public enum FaultCode {
    /** The message is not well-formed, not SOAP, or not the request this endpoint takes. */
    INVALID_REQUEST("InvalidRequest", "syntax_error"),
    /** The caller could not be authenticated (signature, trust, whitelist, role, authorisation). */
    FAILED_AUTHENTICATION("FailedAuthentication", "invalid_signature"),
    /** The STS could not complete a valid request: a dependency failed or a bug. */
    REQUEST_FAILED("RequestFailed", "processing_problem"),
    /** The incoming token is not acceptable (revoked or untrusted certificate, bad content). */
    INVALID_SECURITY_TOKEN("InvalidSecurityToken", "invalid_certificate"),
    /** Required elements of the token are missing or wrong. */
    AUTHENTICATION_BAD_ELEMENTS("AuthenticationBadElements", "invalid_idcard"),
    /** The RequestSecurityToken is not understood. */
    BAD_REQUEST("BadRequest", "syntax_error"),
    /** The incoming token or message is outside its validity period. */
    EXPIRED_DATA("ExpiredData", "expired_idcard"),
    /** The requested time range is invalid or unsupported. */
    INVALID_TIME_RANGE("InvalidTimeRange", "expired_idcard"),
    /** The requested audience or scope is unknown or not allowed for the caller. */
    INVALID_SCOPE("InvalidScope", "not_authorized");

    /** The actor of faults raised by the authorisation and role checks (protocol.md 3.8). */
    public static final String AUTHORIZATION_ACTOR = "dk:sosi:sts:autorisation";

    private final String localName;
    private final String dgwsFaultCode;

    FaultCode(String localName, String dgwsFaultCode) {
        this.localName = localName;
        this.dgwsFaultCode = dgwsFaultCode;
    }

    /** The local part of the {@code wst:} fault QName, e.g. {@code InvalidRequest}. */
    public String localName() {
        return localName;
    }

    /** The closest DGWS {@code medcom:FaultCode}, e.g. {@code syntax_error}. */
    public String dgwsFaultCode() {
        return dgwsFaultCode;
    }
}
