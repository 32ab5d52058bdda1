package dk.sosi.sts.config.backend;

import dk.sosi.sts.backend.procuration.HttpProcurationService;

/** Procuration V1: the class of bean {@code digstProcurationService} that selects V1 (see {@link ProcurationBean}). */
public final class ProcurationWebservice extends ProcurationBean {

    public ProcurationWebservice() {
        super(HttpProcurationService.Version.V1);
    }
}
