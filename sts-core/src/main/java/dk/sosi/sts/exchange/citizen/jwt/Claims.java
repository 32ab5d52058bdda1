package dk.sosi.sts.exchange.citizen.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dk.sosi.sts.fault.FaultCode;
import dk.sosi.sts.fault.StsFault;
import java.text.ParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The claim readers the issuer strategies share: typed, with a fault that names the claim. */
final class Claims {

    /** Claim. */
    static final String MISSING = "The JWT has no %s claim";
    /** Claim. */
    static final String NOT_TEXT = "The JWT's %s claim is not a string";
    /** Claim. */
    static final String NOT_CPR = "The JWT's %s claim is not a CPR number (ten digits)";

    private static final Pattern CPR = Pattern.compile("\\d{10}");

    private Claims() {
    }

    static String required(JWTClaimsSet claims, String name) {
        return optional(claims, name).orElseThrow(() -> invalid(String.format(MISSING, name)));
    }

    static Optional<String> optional(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).map(String::strip).filter(value -> !value.isEmpty());
        } catch (ParseException e) {
            throw invalid(String.format(NOT_TEXT, name));
        }
    }

    static String cpr(JWTClaimsSet claims, String name) {
        String cpr = required(claims, name).replace("-", "");
        if (!CPR.matcher(cpr).matches()) {
            throw invalid(String.format(NOT_CPR, name));
        }
        return cpr;
    }

    static StsFault invalid(String message) {
        return new StsFault(FaultCode.INVALID_SECURITY_TOKEN, message);
    }
}
