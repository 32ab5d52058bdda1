package dk.sosi.sts.config;

import dk.sosi.sts.monitor.Check;
import dk.sosi.sts.monitor.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Immutable. On {@code /sts/status}: a bean the operator's files lack, which the STS took from the shipped files,
 * e.g. {@code services.xml: WARNING (bean 'crlFetcher' is missing: the shipped default is used; copy it from the
 * shipped services.xml)}. A warning, so the page stays 200; the alarm page does not list it, as nothing is broken.
 */
public final class ShippedDefaultCheck implements Check {

    static final String STATUS = "WARNING (bean '%s' is missing: the shipped default is used; copy it from the shipped %s)";

    private final ShippedDefaultBeans.MissingBean missing;

    public ShippedDefaultCheck(ShippedDefaultBeans.MissingBean missing) {
        this.missing = Objects.requireNonNull(missing, "missing");
    }

    /** {@code checks} followed by one check per bean of {@code missing}. */
    public static List<Check> appendTo(List<Check> checks, List<ShippedDefaultBeans.MissingBean> missing) {
        List<Check> all = new ArrayList<>(checks);
        missing.forEach(bean -> all.add(new ShippedDefaultCheck(bean)));
        return List.copyOf(all);
    }

    @Override
    public CheckResult run() {
        return CheckResult.warning(missing.file(), String.format(STATUS, missing.bean(), missing.file()));
    }
}
