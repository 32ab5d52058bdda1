package dk.sosi.sts.exchange.citizen.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dk.sosi.sts.fault.CallerText;
import java.util.Optional;

/**
 * Thread-safe. Bean {@code jtph}: an issuer of the healthcare JWT profile (JTP-H): the CPR in {@code cpr}, its UUID in
 * {@code cpr_uuid}, the person in {@code sub} and the NSIS level of assurance in {@code acr}, which must be
 * Substantial (AssuranceLevel 3) or High (4). The profile carries no names.
 */
public final class JtphIssuerStrategy implements IssuerStrategy {

    static final String SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial";
    static final String HIGH = "https://data.gov.dk/concept/core/nsis/loa/High";
    /** The acr value. */
    static final String TOO_LOW = "The JWT's acr %s is no NSIS level of assurance the STS accepts: " + SUBSTANTIAL + " or " + HIGH;

    @Override
    public JwtCitizen citizen(JWTClaimsSet claims) {
        String acr = Claims.required(claims, "acr");
        int assuranceLevel = switch (acr) {
            case SUBSTANTIAL -> 3;
            case HIGH -> 4;
            default -> throw Claims.invalid(String.format(TOO_LOW, CallerText.quote(acr)));
        };
        return new JwtCitizen(Claims.cpr(claims, "cpr"), Claims.optional(claims, "cpr_uuid"), Optional.ofNullable(claims.getSubject()),
                Optional.empty(), Optional.empty(), Optional.empty(), assuranceLevel);
    }
}
