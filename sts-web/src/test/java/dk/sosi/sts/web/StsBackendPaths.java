package dk.sosi.sts.web;

/**
 * The paths the STS calls on its backends, under {@code sts.backends.url} as the shipped cvr-rid.xml
 * and interface.xml configure them, per the REST contract in {@code dk.sosi.sts.backend}.
 */
final class StsBackendPaths {

    private StsBackendPaths() {
    }

    static String cvrRid(String cvr, String rid) {
        return "/cvr-rid/cvr/" + cvr + "/rid/" + rid;
    }

    static String uuid2Cpr(String uuid) {
        return "/uuid2cpr/uuid/" + uuid;
    }

    static String pid(String pid, String cpr) {
        return "/pid/pid/" + pid + "/cpr/" + cpr;
    }

    static String roles(String cpr, String cvr) {
        return "/roles/users/" + cpr + "/organisations/" + cvr + "/roles";
    }

    static String authorizations(String cpr) {
        return "/authorization/authorizations/" + cpr;
    }
}
