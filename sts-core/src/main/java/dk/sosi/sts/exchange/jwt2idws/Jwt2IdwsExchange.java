package dk.sosi.sts.exchange.jwt2idws;

import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.citizen.CitizenAudience;
import dk.sosi.sts.exchange.citizen.CitizenAudiences;
import dk.sosi.sts.exchange.citizen.CitizenChecks;
import dk.sosi.sts.exchange.citizen.IdentityTokenIssuer;
import dk.sosi.sts.exchange.citizen.jwt.CheckedJwt;
import dk.sosi.sts.exchange.citizen.jwt.JwtCheck;
import dk.sosi.sts.exchange.oio.OioExchange;
import dk.sosi.sts.exchange.oio.OioRequest;
import dk.sosi.sts.sla.SlaLog;
import dk.sosi.sts.sla.SlaPoint;
import dk.sosi.sts.token.saml.NameId;
import dk.sosi.sts.token.saml.SamlAttribute;
import java.util.List;
import java.util.Objects;

/**
 * Thread-safe. {@code /sts/services/JWT2Idws} (exchanges.md 3.5): like Bst2Idws, but the citizen logged in at a trusted
 * OIDC provider and the app holds its JWT. The caller check has admitted only the audience's {@code certificate.xxx}
 * signers; the JWT is checked as bean {@code jwt2IdwsRequestHandler} says; the identity token names the citizen by the
 * JWT's {@code sub} (format unspecified, OQ-16), else the CPR. Inside SLA point 270 {@code NboIdwsRequestHandler.convert}.
 */
public final class Jwt2IdwsExchange implements OioExchange {

    private final CitizenAudiences audiences;
    private final JwtCheck jwts;
    private final CitizenChecks citizens;
    private final IdentityTokenIssuer tokens;
    private final SlaLog sla;

    public Jwt2IdwsExchange(CitizenAudiences audiences, JwtCheck jwts, CitizenChecks citizens, IdentityTokenIssuer tokens,
            SlaLog sla) {
        this.audiences = Objects.requireNonNull(audiences, "audiences");
        this.jwts = Objects.requireNonNull(jwts, "jwts");
        this.citizens = Objects.requireNonNull(citizens, "citizens");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sla = Objects.requireNonNull(sla, "sla");
    }

    @Override
    public IssuedToken exchange(OioRequest request) {
        return sla.measure(SlaPoint.NBO_IDWS_CONVERT, request.context(), () -> {
            CitizenAudience audience = audiences.find(request.token().appliesTo());
            CheckedJwt jwt = jwts.check(request.token(), audience);
            String cpr = jwt.citizen().cpr();
            List<SamlAttribute> acting = citizens.check(cpr, audience, request);
            NameId nameId = NameId.of(jwt.citizen().subject().orElse(cpr), NameId.UNSPECIFIED);
            return tokens.issue(new IdentityTokenIssuer.Citizen(nameId, cpr, request.caller().certificate().orElseThrow(), acting),
                    audience, request.context());
        });
    }
}
