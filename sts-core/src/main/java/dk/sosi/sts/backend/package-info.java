/**
 * Clients of the backends that live outside the STS and that the exchanges ask about a user or citizen:
 * CVR-RID (whose CPR an employee certificate is), UUID2CPR (the same for an OCES3 employee
 * certificate), PID (whether a personal certificate is the CPR's), the national role directory,
 * the authorisation register (Autorisationsregister), and for the citizen exchanges procuration
 * (fuldmagt), person information (custody, valid CPR) and IDSAS (blurred organisations).
 *
 * <p>Each backend is one {@code @FunctionalInterface} in its own package ({@code cvrrid}, {@code pid},
 * {@code roles}, {@code authorization}, {@code uuid2cpr}, {@code procuration}, {@code personinformation},
 * {@code idsas}) with three implementations:
 * <ul>
 * <li>{@code Http…}: the HTTP client of the REST contract below;</li>
 * <li>{@code Monitored…}: a decorator that runs each call inside its SLA log point (220
 * {@code WsOcesCvrRidService.findRelatedCpr}, 221 {@code WsOcesPidService.isRelated}, 222
 * {@code ProcurationWebService.getProcurationPrivileges}; the others have none in the guide) and records it, with its response
 * time, in the service's own {@link dk.sosi.sts.ServiceInfoCollector}, which
 * {@link dk.sosi.sts.monitor.ExternalServiceFailureCheck} reads for the alarm page;</li>
 * <li>tests and the demo use lambdas or the demo simulator.</li>
 * </ul>
 * A backend that does not answer usably throws {@link dk.sosi.sts.backend.BackendUnavailableException}
 * naming the service; the caller's request then fails with {@code wst:RequestFailed}, never with a
 * fault that blames the caller.
 *
 * <h2>The REST contract</h2>
 * The wire formats of the national services are not part of our specification, so the STS speaks one
 * small contract of its own; an adapter (or the built-in demo simulator, {@code /demo-backends}) sits
 * in front of a real register. Every call is an HTTP/1.1 {@code GET} relative to the service's
 * endpoint ({@code serviceEndpoint} in cvr-rid.xml / interface.xml), without query string. Path
 * parameters are percent-encoded as UTF-8, every character but {@code A–Z a–z 0–9 - _ ~} encoded.
 * Answers are {@code text/plain}, UTF-8, at most 64 KiB; lines end in LF or CRLF; whitespace around
 * a value or line is ignored.
 * <pre>
 * CVR-RID        GET {endpoint}/cvr/{cvr}/rid/{rid}
 *                200  the CPR number (10 digits) of the employee with this RID at this CVR
 *                404  the register has no such employee
 * UUID2CPR       GET {endpoint}/uuid/{uuid}                   uuid without "UI:DK-E:G:" / "UI:DK-E:C:"
 *                200  the CPR number (10 digits) of the person with this UUID
 *                404  the service knows no such person
 * PID            GET {endpoint}/pid/{pid}/cpr/{cpr}          pid without the "PID:" prefix
 *                200  true | false  (whether the personal certificate's PID belongs to the CPR)
 * Roles          GET {endpoint}/users/{cpr}/organisations/{cvr}/roles
 *                200  one role externalName (e.g. nspLaegesekretaer) per line; no lines: none
 * Authorization  GET {endpoint}/authorizations/{cpr}
 *                200  one entry per line: authorizationCode;educationCode (e.g. J0184;7170); no lines: none
 * Procuration    GET {endpoint}/grantors/{grantorCpr}/grantees/{granteeCpr}/privileges      (V1 and V2 alike)
 *                200  one privilege URN per line that the grantor gave the grantee; no lines: no procuration
 * Person info    GET {endpoint}/persons/{cpr}/custody
 *                200  one CPR per line: the children in the person's parental custody; no lines: none
 *                GET {endpoint}/persons/{cpr}/valid
 *                200  true | false  (whether the CPR number is a valid one of a person the register knows)
 * IDSAS          GET {endpoint}/idsas/20230601/lookup/{cpr}
 *                200  one blurred organisation identifier per line for the citizen; no lines: none
 * </pre>
 * Anything else is a {@link dk.sosi.sts.backend.BackendUnavailableException}: no connection within
 * the connect timeout, no complete answer within the request timeout, any other status (3xx
 * redirects are not followed; 4xx means the endpoint is misconfigured; 5xx the backend failed), or an
 * answer that does not parse or is too long.
 */
package dk.sosi.sts.backend;
