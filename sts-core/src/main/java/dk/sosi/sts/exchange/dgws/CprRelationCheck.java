package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.pid.PidService;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.trust.OcesCertificate;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. A user card's CPR must belong to the certificate that signed it. An employee
 * certificate's CPR is looked up: an OCES2 one's CVR and RID in CVR-RID (SLA 220, logged by the
 * monitored client), an OCES3 one's UUID in UUID2CPR. A card without a CPR gets the one found, as the
 * national STS fills it in; a card with one must carry that one. A personal certificate's PID can only
 * be confirmed for a CPR (PID, SLA 221), so its card must carry the CPR. Cards signed by a system
 * certificate are vouched for by the system, not checked here.
 */
public final class CprRelationCheck {

    static final String NO_CPR = "Authentication failed: a user id-card signed by %s must carry medcom:UserCivilRegistrationNumber";
    static final String NOT_RELATED = "Authentication failed: the CPR in the id-card does not belong to the certificate %s";
    /** The service, the certificate. */
    static final String NO_REGISTERED_CPR = "Authentication failed: the %s knows no CPR for the certificate %s";

    private final CvrRidService cvrRid;
    private final Uuid2CprService uuid2Cpr;
    private final PidService pid;

    public CprRelationCheck(CvrRidService cvrRid, Uuid2CprService uuid2Cpr, PidService pid) {
        this.cvrRid = Objects.requireNonNull(cvrRid, "cvrRid");
        this.uuid2Cpr = Objects.requireNonNull(uuid2Cpr, "uuid2Cpr");
        this.pid = Objects.requireNonNull(pid, "pid");
    }

    /** The user log to issue: {@code user} checked, with the employee's CPR filled in where the card had none. */
    public UserLog check(UserLog user, OcesCertificate signer, RequestContext request) {
        Optional<String> claimed = user.civilRegistrationNumber().filter(c -> !c.isBlank());
        return switch (signer.kind()) {
            case EMPLOYEE -> employee(user, claimed, signer, request);
            case PERSON -> person(user, claimed, signer, request);
            case SYSTEM, OTHER -> user;
        };
    }

    private UserLog employee(UserLog user, Optional<String> claimed, OcesCertificate signer, RequestContext request) {
        boolean oces3 = signer.uuid().isPresent();
        Optional<String> registered = oces3
                ? uuid2Cpr.cprOf(signer.uuid().get(), request)
                : cvrRid.findRelatedCpr(signer.cvr().orElseThrow(), signer.rid().orElseThrow(), request);
        if (claimed.isPresent()) {
            if (!registered.equals(claimed)) {
                throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_RELATED, signer.subjectSerialNumber()));
            }
            return user;
        }
        String cpr = registered.orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NO_REGISTERED_CPR,
                oces3 ? Uuid2CprService.SERVICE_NAME : CvrRidService.SERVICE_NAME, signer.subjectSerialNumber())));
        return new UserLog(Optional.of(cpr), user.givenName(), user.surName(), user.emailAddress(), user.role(),
                user.authorizationCode(), user.occupation());
    }

    private UserLog person(UserLog user, Optional<String> claimed, OcesCertificate signer, RequestContext request) {
        String cpr = claimed.orElseThrow(() -> new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS,
                String.format(NO_CPR, signer.subjectSerialNumber())));
        if (!pid.isRelated(signer.pid().orElseThrow(), cpr, request)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_RELATED, signer.subjectSerialNumber()));
        }
        return user;
    }
}
