package dk.sosi.sts.config.backend;

import dk.sosi.sts.backend.procuration.HttpProcurationService;

/** Procuration V2: the class of bean {@code digstProcurationService} that selects V2 (see {@link ProcurationBean}). */
public final class ProcurationWebserviceV2 extends ProcurationBean {

    public ProcurationWebserviceV2() {
        super(HttpProcurationService.Version.V2);
    }
}
