package dk.sosi.sts.exchange.sosi2oiosaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guide: an audience is "a URI in normal form"; requests and rows are compared so. */
class IboAudiencesTest {

    @ParameterizedTest
    @CsvSource({
        "https://saml.test1.fmk.netic.dk/fmk/, https://saml.test1.fmk.netic.dk/fmk/",
        "HTTPS://Saml.Test1.FMK.netic.dk:443/fmk/, https://saml.test1.fmk.netic.dk/fmk/",
        "http://sundhed.dk:80, http://sundhed.dk",
        "http://sundhed.dk:8080/Path?Q=1, http://sundhed.dk:8080/Path?Q=1",
        "'  http://sundhed.dk  ', http://sundhed.dk",
        "urn:dk:demo:Audience, urn:dk:demo:Audience",
        "not a uri at all, not a uri at all"
    })
    void normaliseWhenAudienceThenSchemeAndHostLowerCaseAndDefaultPortDropped(String audience, String normal) {
        assertEquals(normal, IboAudiences.normalise(audience));
    }
}
