package dk.sosi.sts.exchange.dgws;

import dk.sosi.sts.exchange.Exchange;
import dk.sosi.sts.exchange.IncomingRequest;
import dk.sosi.sts.exchange.IssuedToken;
import dk.sosi.sts.exchange.RequestContext;
import dk.sosi.sts.exchange.user.AuthorizationCheck;
import dk.sosi.sts.exchange.user.NationalRoleCheck;
import dk.sosi.sts.token.idcard.IdCard;
import dk.sosi.sts.token.idcard.IdCardParser;
import dk.sosi.sts.token.idcard.UserLog;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe. The DGWS token service behind {@code SecurityTokenService} and
 * {@code NewSecurityTokenService}: a client system sends an id-card it (or an employee) signed, the STS
 * checks it and answers with an id-card signed by the STS, which the front sends in the DGWS envelope.
 */
public final class DgwsExchange implements Exchange {

    private final IdCardParser parser;
    private final IncomingIdCardValidator validator;
    private final CprRelationCheck cprRelation;
    private final NationalRoleCheck roles;
    private final AuthorizationCheck authorizations;
    private final DgwsIdCardIssuer issuer;

    public DgwsExchange(IdCardParser parser, IncomingIdCardValidator validator, CprRelationCheck cprRelation,
            NationalRoleCheck roles, AuthorizationCheck authorizations, DgwsIdCardIssuer issuer) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.cprRelation = Objects.requireNonNull(cprRelation, "cprRelation");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public IssuedToken exchange(IncomingRequest request) {
        RequestContext context = request.context();
        DgwsRequest dgws = DgwsRequest.read(request.envelope(), parser);
        ValidatedIdCard incoming = validator.validate(dgws.card());
        IdCard card = incoming.card();

        Optional<UserLog> user = Optional.empty();
        if (card.userLog().isPresent()) {
            UserLog withCpr = cprRelation.check(card.userLog().get(), incoming.signer(), context);
            roles.check(withCpr.role(), withCpr.civilRegistrationNumber(), organisation(incoming), context);
            user = Optional.of(authorizations.check(withCpr, context));
        }
        return issuer.issue(incoming, user, context);
    }

    /**
     * The user's organisation, only as the signing certificate proves it: the card's CareProviderID is
     * written by the signer, so a personal certificate must not name an organisation (e.g. a trusted CVR).
     */
    private static String organisation(ValidatedIdCard incoming) {
        return incoming.signer().cvr().orElse("");
    }
}
