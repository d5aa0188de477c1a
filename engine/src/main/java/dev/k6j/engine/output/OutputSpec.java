package dev.k6j.engine.output;

import dev.k6j.engine.errors.K6jException;

/**
 * One {@code --out} flag, split as k6 splits it: the output name before the first {@code =}, the config argument
 * after it ({@code "json=out.json"} → {@code (json, out.json)}; {@code "csv"} → {@code (csv, "")};
 * {@code "csv=fileName=a.csv,saveInterval=2s"} → {@code (csv, fileName=a.csv,saveInterval=2s)}).
 *
 * @param name     the output name or alias
 * @param argument the text after the first {@code =}; empty if none
 */
public record OutputSpec(String name, String argument) {

    public OutputSpec {
        java.util.Objects.requireNonNull(name, "name");
        argument = argument == null ? "" : argument;
    }

    /** Parses one {@code --out} value; an empty name is an invalid-config error. */
    public static OutputSpec parse(String text) {
        String value = text == null ? "" : text.strip();
        int equals = value.indexOf('=');
        String name = equals < 0 ? value : value.substring(0, equals).strip();
        String argument = equals < 0 ? "" : value.substring(equals + 1);
        if (name.isEmpty()) {
            throw K6jException.invalidConfig("--out '" + value + "' names no output: use --out <name>[=<config>],"
                    + " such as --out json=results.json");
        }
        return new OutputSpec(name, argument);
    }

    @Override
    public String toString() {
        return argument.isEmpty() ? name : name + "=" + argument;
    }
}
