package dev.k6j.junit;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.commons.PreconditionViolationException;

/** {@code ${name}} in annotation values: the system property {@code name}, else the environment variable. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private Placeholders() {
    }

    static String resolve(String text) {
        return resolve(text, name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    static String resolve(String text, UnaryOperator<String> lookup) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = lookup.apply(name);
            if (value == null) {
                throw new PreconditionViolationException("@K6jTest value '" + text + "' uses ${" + name
                        + "}, but there is no system property or environment variable '" + name + "'");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
