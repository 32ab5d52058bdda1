package dk.sosi.sts.config;

/**
 * The guide's bean {@code minimumAllowedAge} in services.xml: the minimum age of a citizen who may
 * get an IDWS token, shared by the three citizen exchanges. Set once by Spring at start-up.
 */
public final class MinimumAllowedAge {

    private int minimumAllowedAge;

    public int getMinimumAllowedAge() {
        return minimumAllowedAge;
    }

    public void setMinimumAllowedAge(int minimumAllowedAge) {
        if (minimumAllowedAge < 0) {
            throw new IllegalArgumentException("minimumAllowedAge must not be negative, was " + minimumAllowedAge);
        }
        this.minimumAllowedAge = minimumAllowedAge;
    }
}
