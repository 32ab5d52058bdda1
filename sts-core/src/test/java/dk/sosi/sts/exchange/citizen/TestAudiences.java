package dk.sosi.sts.exchange.citizen;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Citizen audiences for the tests of the citizen steps. */
final class TestAudiences {

    static final String WARD_SIGNER = "UI:DK-O:G:23550132-5e1f-4e43-a5f9-048acf49e0b8";
    static final String OTHER_SIGNER = "UI:DK-O:G:c70b0207-162e-4d3d-a7f1-a19a8e07d99b";

    private TestAudiences() {
    }

    /** {@code https://minlog}: blurring {@code blurring} (none if null), {@link #WARD_SIGNER} may claim ward custody. */
    static CitizenAudience minlog(String blurring) {
        return new CitizenAudience("https://minlog", Duration.ofHours(1), Set.of(WARD_SIGNER, OTHER_SIGNER), Optional.empty(),
                Optional.ofNullable(blurring), Set.of(WARD_SIGNER), Optional.empty(), Optional.empty(), false);
    }
}
