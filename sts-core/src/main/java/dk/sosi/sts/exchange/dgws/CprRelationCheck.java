package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.pid.PidService;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.token.idcard.UserLog;
import dk.sosi.sts.trust.OcesCertificate;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. A user card's CPR must belong to the certificate that signed it: an employee
 * certificate's CVR and RID are looked up in CVR-RID (SLA 220, logged by the monitored client), a
 * personal certificate's PID in PID (SLA 221). Cards signed by a system certificate are vouched for by the system, not checked here.
 */
public final class CprRelationCheck {

    static final String NO_CPR = "Authentication failed: a user id-card signed by %s must carry medcom:UserCivilRegistrationNumber";
    static final String NOT_RELATED = "Authentication failed: the CPR in the id-card does not belong to the certificate %s";

    private final CvrRidService cvrRid;
    private final PidService pid;

    public CprRelationCheck(CvrRidService cvrRid, PidService pid) {
        this.cvrRid = Objects.requireNonNull(cvrRid, "cvrRid");
        this.pid = Objects.requireNonNull(pid, "pid");
    }

    public void check(UserLog user, OcesCertificate signer, RequestContext request) {
        if (signer.kind() != OcesCertificate.Kind.EMPLOYEE && signer.kind() != OcesCertificate.Kind.PERSON) {
            return;
        }
        String cpr = user.civilRegistrationNumber().filter(c -> !c.isBlank())
                .orElseThrow(() -> new StsFault(FaultCode.AUTHENTICATION_BAD_ELEMENTS,
                        String.format(NO_CPR, signer.subjectSerialNumber())));
        boolean related;
        if (signer.kind() == OcesCertificate.Kind.EMPLOYEE) {
            Optional<String> registered = cvrRid.findRelatedCpr(signer.cvr().orElseThrow(), signer.rid().orElseThrow(),
                    request);
            related = registered.map(cpr::equals).orElse(false);
        } else {
            related = pid.isRelated(signer.pid().orElseThrow(), cpr, request);
        }
        if (!related) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_RELATED, signer.subjectSerialNumber()));
        }
    }
}
