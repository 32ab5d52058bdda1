package dk.sosi.sts.demo.backends;

import dk.sosi.sts.backend.authorization.Authorization;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Thread-safe. The embedded demo's stand-in for the backends outside the STS: answers the STS's backend
 * REST contract (see {@code dk.sosi.sts.backend}) from a {@link DemoBackendData} table. Demo only: it
 * lives in the launcher package, which the WAR leaves out. Mounted at {@value #CONTEXT_PATH}, one base
 * URL per service, as the shipped cvr-rid.xml and interface.xml expect
 * ({@code ${sts.backends.url:http://127.0.0.1:8080/demo-backends}/cvr-rid} etc.):
 * <pre>
 * GET /demo-backends/cvr-rid/cvr/{cvr}/rid/{rid}                         200 CPR | 404
 * GET /demo-backends/uuid2cpr/uuid/{uuid}                                200 CPR | 404
 * GET /demo-backends/pid/pid/{pid}/cpr/{cpr}                             200 true | false
 * GET /demo-backends/roles/users/{cpr}/organisations/{cvr}/roles         200 one externalName per line
 * GET /demo-backends/authorization/authorizations/{cpr}                  200 code;educationCode per line
 * GET /demo-backends/procuration/grantors/{cpr}/grantees/{cpr}/privileges 200 one privilege per line
 * GET /demo-backends/person-information/persons/{cpr}/custody            200 one child CPR per line
 * GET /demo-backends/person-information/persons/{cpr}/valid              200 true | false
 * GET /demo-backends/idsas/idsas/20230601/lookup/{cpr}                   200 one organisation per line
 * </pre>
 * Any other path answers 400, not 404, so that a misconfigured CVR-RID or UUID2CPR endpoint shows as
 * a failing backend instead of as "the register has no such employee".
 */
public final class DemoBackendsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String CONTEXT_PATH = "/demo-backends";
    /** The base path of each service below {@value #CONTEXT_PATH}. */
    public static final String CVR_RID_PATH = "/cvr-rid";
    public static final String UUID2CPR_PATH = "/uuid2cpr";
    public static final String PID_PATH = "/pid";
    public static final String ROLES_PATH = "/roles";
    public static final String AUTHORIZATION_PATH = "/authorization";
    public static final String PROCURATION_PATH = "/procuration";
    public static final String PERSON_INFORMATION_PATH = "/person-information";
    public static final String IDSAS_PATH = "/idsas";

    private final transient DemoBackendData data;

    public DemoBackendsServlet(DemoBackendData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** A context at {@value #CONTEXT_PATH} serving {@code data}, to mount beside the STS's web application. */
    public static ServletContextHandler contextHandler(DemoBackendData data) {
        ServletContextHandler context = new ServletContextHandler(CONTEXT_PATH);
        context.addServlet(new ServletHolder("demo-backends", new DemoBackendsServlet(data)), "/*");
        return context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        List<String> path = Arrays.stream(raw.split("/", -1)).skip(1).map(DemoBackendsServlet::decode).toList();
        String route = "/" + (path.isEmpty() ? "" : path.get(0));
        switch (route) {
            case CVR_RID_PATH -> {
                if (matches(path, "cvr-rid", "cvr", null, "rid", null)) {
                    answerCpr(response, data.cprOf(path.get(2), path.get(4)));
                    return;
                }
            }
            case UUID2CPR_PATH -> {
                if (matches(path, "uuid2cpr", "uuid", null)) {
                    answerCpr(response, data.cprOfUuid(path.get(2)));
                    return;
                }
            }
            case PID_PATH -> {
                if (matches(path, "pid", "pid", null, "cpr", null)) {
                    answer(response, HttpServletResponse.SC_OK, String.valueOf(data.isRelated(path.get(2), path.get(4))));
                    return;
                }
            }
            case ROLES_PATH -> {
                if (matches(path, "roles", "users", null, "organisations", null, "roles")) {
                    answer(response, HttpServletResponse.SC_OK, lines(data.rolesOf(path.get(2), path.get(4)).stream().toList()));
                    return;
                }
            }
            case AUTHORIZATION_PATH -> {
                if (matches(path, "authorization", "authorizations", null)) {
                    List<Authorization> entries = data.authorizationsOf(path.get(2));
                    answer(response, HttpServletResponse.SC_OK, lines(entries.stream()
                            .map(a -> a.authorizationCode() + ";" + a.educationCode()).toList()));
                    return;
                }
            }
            case PROCURATION_PATH -> {
                if (matches(path, "procuration", "grantors", null, "grantees", null, "privileges")) {
                    answer(response, HttpServletResponse.SC_OK, lines(data.privilegesOf(path.get(2), path.get(4))));
                    return;
                }
            }
            case PERSON_INFORMATION_PATH -> {
                if (matches(path, "person-information", "persons", null, "custody")) {
                    answer(response, HttpServletResponse.SC_OK, lines(data.childrenInCustodyOf(path.get(2)).stream().sorted().toList()));
                    return;
                }
                if (matches(path, "person-information", "persons", null, "valid")) {
                    answer(response, HttpServletResponse.SC_OK, String.valueOf(data.isValidCpr(path.get(2))));
                    return;
                }
            }
            case IDSAS_PATH -> {
                if (matches(path, "idsas", "idsas", "20230601", "lookup", null)) {
                    answer(response, HttpServletResponse.SC_OK, lines(data.blurredOrganisationsOf(path.get(4))));
                    return;
                }
            }
            default -> {
                // answered below
            }
        }
        answer(response, HttpServletResponse.SC_BAD_REQUEST, "Not a resource of the demo backends: " + raw
                + "\nSee " + DemoBackendsServlet.class.getName() + " for the paths.\n");
    }

    /** Whether {@code path} has exactly the shape of {@code expected}, where {@code null} is any non-blank value. */
    private static boolean matches(List<String> path, String... expected) {
        if (path.size() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == null ? path.get(i).isBlank() : !expected[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** 200 with the CPR, or 404 when the register knows none. */
    private static void answerCpr(HttpServletResponse response, Optional<String> cpr) throws IOException {
        if (cpr.isPresent()) {
            answer(response, HttpServletResponse.SC_OK, cpr.get());
        } else {
            answer(response, HttpServletResponse.SC_NOT_FOUND, "");
        }
    }

    private static String lines(List<String> values) {
        return values.stream().map(v -> v + "\n").collect(Collectors.joining());
    }

    private static void answer(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Percent-decoding of one path segment ({@code +} is a plus sign in a path, not a space). */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
