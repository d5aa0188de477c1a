package dev.k6j.engine.metrics;

/**
 * How often one check passed and failed.
 *
 * @param groupPath the group it ran in: {@code ""} for the root, {@code ::outer::inner} for nested groups
 * @param name      the check's name
 * @param passes    how many times it passed
 * @param fails     how many times it failed
 */
public record CheckCount(String groupPath, String name, long passes, long fails) {
}
