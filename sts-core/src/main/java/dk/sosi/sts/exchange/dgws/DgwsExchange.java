package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.SoapRequest;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.token.idcard.UserLog;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * Thread-safe. The DGWS token service behind {@code SecurityTokenService} and
 * {@code NewSecurityTokenService}: a client system sends an id-card it (or an employee) signed, the STS
 * checks it and answers with an id-card signed by the STS.
 */
public final class DgwsExchange implements Exchange {

    private final IdCardParser parser;
    private final IncomingIdCardValidator validator;
    private final CprRelationCheck cprRelation;
    private final NationalRoleCheck roles;
    private final AuthorizationCheck authorizations;
    private final DgwsIdCardIssuer issuer;
    private final DgwsResponseWriter responses;

    public DgwsExchange(IdCardParser parser, IncomingIdCardValidator validator, CprRelationCheck cprRelation,
            NationalRoleCheck roles, AuthorizationCheck authorizations, DgwsIdCardIssuer issuer, DgwsResponseWriter responses) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.cprRelation = Objects.requireNonNull(cprRelation, "cprRelation");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    @Override
    public Document exchange(SoapRequest request) {
        DgwsRequest dgws = DgwsRequest.read(request.envelope(), parser);
        ValidatedIdCard incoming = validator.validate(dgws.card());
        IdCard card = incoming.card();

        Optional<UserLog> user = card.userLog();
        if (user.isPresent()) {
            cprRelation.check(user.get(), incoming.signer(), request.messageId());
            roles.check(user.get().role(), user.get().civilRegistrationNumber(), organisation(incoming));
            user = Optional.of(authorizations.check(user.get()));
        }

        DgwsResponseWriter.Response response = responses.start(
                request.envelope().security().map(s -> s.getAttribute("id")).filter(id -> !id.isEmpty()), card.version());
        issuer.issue(incoming, user, response.requestedSecurityToken(), request.messageId());
        return response.document();
    }

    /**
     * The user's organisation, only as the signing certificate proves it: the card's CareProviderID is
     * written by the signer, so a personal certificate must not name an organisation (e.g. a trusted CVR).
     */
    private static String organisation(ValidatedIdCard incoming) {
        return incoming.signer().cvr().orElse("");
    }
}
