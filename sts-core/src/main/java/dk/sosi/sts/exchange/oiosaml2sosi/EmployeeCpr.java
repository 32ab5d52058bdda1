package dk.sosi.sts.exchange.oiosaml2sosi;

import dk.sosi.sts.backend.cvrrid.CvrRidService;
import dk.sosi.sts.backend.uuid2cpr.Uuid2CprService;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import dk.sosi.sts.identity.IdentifierFormats;
import dk.sosi.sts.pki.CertificateNames;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Thread-safe. The CPR of the employee of a NemLog-in assertion (exchanges.md 3.2 step 6, OQ-4). An IdP whose
 * certificate's subject serial number is in {@code cprTrustCertificates} is believed: its assertion's
 * {@code CprNumberIdentifier} is the CPR. Any other IdP's employee is looked up: an OCES2 employee's CVR and RID
 * in CVR-RID (SLA 220, logged by the monitored client), an OCES3 employee's UUID (no RID) in UUID2CPR; a CPR the
 * assertion carries must then be the one found.
 */
public final class EmployeeCpr {

    /** The CVR. */
    static final String NO_KEY = "Authentication failed: the NemLog-in assertion of an employee of CVR %s names neither a RID "
            + "(dk:gov:saml:attribute:RidNumberIdentifier) nor an OCES3 employee UUID (urn:oid:0.9.2342.19200300.100.1.1 "
            + "UI:DK-E:G:<uuid>), so the employee's CPR cannot be looked up";
    /** The service, the employee. */
    static final String NO_REGISTERED_CPR = "Authentication failed: the %s knows no CPR for %s";
    /** The employee. */
    static final String NOT_RELATED = "Authentication failed: the CPR in the NemLog-in assertion does not belong to %s";
    static final String NOT_A_CPR = "The NemLog-in assertion's dk:gov:saml:attribute:CprNumberIdentifier is not a CPR number (10 digits)";

    private final Set<String> cprTrustCertificates;
    private final CvrRidService cvrRid;
    private final Uuid2CprService uuid2Cpr;

    public EmployeeCpr(Set<String> cprTrustCertificates, CvrRidService cvrRid, Uuid2CprService uuid2Cpr) {
        this.cprTrustCertificates = Set.copyOf(cprTrustCertificates);
        this.cvrRid = Objects.requireNonNull(cvrRid, "cvrRid");
        this.uuid2Cpr = Objects.requireNonNull(uuid2Cpr, "uuid2Cpr");
    }

    /** The employee's CPR; throws {@code wst:FailedAuthentication} when it cannot be found or the assertion's is not it. */
    public String of(NemLogInAssertion employee, RequestContext request) {
        Optional<String> stated = employee.cpr();
        if (stated.isPresent() && !IdentifierFormats.CPR.matcher(stated.get()).matches()) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, NOT_A_CPR);
        }
        if (stated.isPresent() && trustedForCpr(employee.issuerCertificate())) {
            return stated.get();
        }
        String who;
        Optional<String> registered;
        String service;
        if (employee.rid().isPresent()) {
            who = "CVR:" + employee.cvr() + "-RID:" + employee.rid().get();
            service = CvrRidService.SERVICE_NAME;
            registered = cvrRid.findRelatedCpr(employee.cvr(), employee.rid().get(), request);
        } else if (employee.uuid().isPresent()) {
            who = "the OCES3 employee " + employee.uuid().get();
            service = Uuid2CprService.SERVICE_NAME;
            registered = uuid2Cpr.cprOf(employee.uuid().get(), request);
        } else {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NO_KEY, employee.cvr()));
        }
        String cpr = registered.orElseThrow(() -> new StsFault(FaultCode.FAILED_AUTHENTICATION,
                String.format(NO_REGISTERED_CPR, service, who)));
        if (stated.isPresent() && !stated.get().equals(cpr)) {
            throw new StsFault(FaultCode.FAILED_AUTHENTICATION, String.format(NOT_RELATED, who));
        }
        return cpr;
    }

    private boolean trustedForCpr(X509Certificate idp) {
        try {
            return cprTrustCertificates.contains(CertificateNames.subjectSerialNumber(idp));
        } catch (IllegalArgumentException e) {
            return false; // a certificate without a subject serial number is on no list
        }
    }
}
