package dk.sosi.sts.monitor;

/** A dependency the STS can ask whether it answers, such as the STS or CRA database. */
@FunctionalInterface
public interface Reachability {

    /** Returns normally when the dependency answers; throws with the reason when it does not. */
    void probe() throws Exception;
}
