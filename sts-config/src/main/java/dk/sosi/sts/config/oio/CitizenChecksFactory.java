package dk.sosi.sts.config.oio;

import dk.sosi.sts.backend.idsas.IdsasService;
import dk.sosi.sts.backend.personinformation.PersonInformationService;
import dk.sosi.sts.backend.procuration.ProcurationService;
import dk.sosi.sts.config.BeanNames;
import dk.sosi.sts.config.MinimumAllowedAge;
import dk.sosi.sts.config.OperatorConfiguration;
import dk.sosi.sts.exchange.citizen.Blurring;
import dk.sosi.sts.exchange.citizen.CitizenChecks;
import dk.sosi.sts.exchange.citizen.MinimumAge;
import dk.sosi.sts.exchange.citizen.OnBehalfOf;
import java.time.Clock;

/**
 * Builds the checks the three citizen exchanges share (minimum age, acting for someone else, blurring) from bean
 * {@code minimumAllowedAge} and the backends {@value #PROCURATION_SERVICE} (cvr-rid.xml), {@value #PERSON_INFORMATION}
 * (services.xml) and {@value #IDSAS_SERVICE} (idsas.xml).
 */
final class CitizenChecksFactory {

    static final String PROCURATION_SERVICE = "digstProcurationService";
    static final String PERSON_INFORMATION = "personInformationClient";
    static final String IDSAS_SERVICE = "idsasService";

    private CitizenChecksFactory() {
    }

    static CitizenChecks create(OperatorConfiguration operator, Clock clock) {
        return new CitizenChecks(
                new MinimumAge(operator.bean(BeanNames.MINIMUM_ALLOWED_AGE, MinimumAllowedAge.class).getMinimumAllowedAge(), clock),
                new OnBehalfOf(operator.bean(PROCURATION_SERVICE, ProcurationService.class),
                        operator.bean(PERSON_INFORMATION, PersonInformationService.class)),
                new Blurring(operator.bean(IDSAS_SERVICE, IdsasService.class)));
    }
}
