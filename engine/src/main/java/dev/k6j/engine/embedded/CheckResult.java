package dev.k6j.engine.embedded;

/**
 * How often one {@code check()} passed and failed in a run.
 *
 * @param group  the group it ran in: {@code ""} for the root, {@code ::outer::inner} for nested groups
 * @param name   the check's name
 * @param passes how many times it passed
 * @param fails  how many times it failed
 */
public record CheckResult(String group, String name, long passes, long fails) {

    /** Whether it never failed. */
    public boolean passed() {
        return fails == 0;
    }

    /** Passes over all evaluations, from 0 to 1; 0 when it never ran. */
    public double passRate() {
        long total = passes + fails;
        return total == 0 ? 0 : (double) passes / total;
    }
}
