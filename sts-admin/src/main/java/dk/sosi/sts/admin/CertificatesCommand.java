package dk.sosi.sts.admin;

import dk.sosi.sts.config.StsEnvironment;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code certificates}: every certificate the STS would use or trust (its keystores, the federation and IdP trust
 * stores, the configuration tables), exactly as {@code /sts/certificates} lists them, with status and days left.
 */
final class CertificatesCommand {

    private final Supplier<StsEnvironment> environment;
    private final Clock clock;
    private final PrintStream out;

    CertificatesCommand(Supplier<StsEnvironment> environment, Clock clock, PrintStream out) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    int run(Arguments arguments) {
        arguments.positional();
        arguments.noOthers();
        try (OfflineSts sts = new OfflineSts(environment.get(), clock)) {
            out.print(sts.inventory().render());
        }
        return StsAdmin.OK;
    }
}
