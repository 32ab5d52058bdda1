package dk.sosi.sts.sla;

/** Immutable. The SLA log points of the operations guide, with their ids and names exactly as written there. */
public enum SlaPoint {
    REQUEST(200, "AbstractStsRequestHandler.request"),
    ISSUE_ID_CARD(210, "SecurityTokenService.issueIdCard"),
    CVR_RID_FIND_RELATED_CPR(220, "WsOcesCvrRidService.findRelatedCpr"),
    PID_IS_RELATED(221, "WsOcesPidService.isRelated"),
    PROCURATION_PRIVILEGES(222, "ProcurationWebService.getProcurationPrivileges"),
    NBO_SERIALIZE(250, "NboRequestHandler.serialize"),
    SIGN(260, "SignatureProvider.sign"),
    NBO_IDWS_CONVERT(270, "NboIdwsRequestHandler.convert"),
    BST2SOSI_CONVERT(280, "BST2SOSIRequestHandler.convert");

    private final int id;
    private final String pointName;

    SlaPoint(int id, String pointName) {
        this.id = id;
        this.pointName = pointName;
    }

    public int id() {
        return id;
    }

    /** The name an operator reads in the guide, e.g. {@code AbstractStsRequestHandler.request}. */
    public String pointName() {
        return pointName;
    }
}
