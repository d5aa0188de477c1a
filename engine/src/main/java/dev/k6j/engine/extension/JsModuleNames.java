package dev.k6j.engine.extension;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.JsModule;
import java.util.Set;
import java.util.TreeSet;

/**
 * The naming rule for JS modules: k6's own names ({@code k6}, {@code k6/http}, {@code k6/experimental/…}) belong
 * to the engine's built-in modules; every other provider's module is named {@code k6/x/<name>}, as in k6.
 */
final class JsModuleNames {

    static final String EXTENSION_PREFIX = "k6/x/";

    /** k6's own module names that the engine leaves to extensions (k6j's first-party ones) as aliases. */
    static final Set<String> K6_NAMES_FOR_EXTENSIONS = Set.of(
            "k6/websockets", "k6/experimental/websockets", "k6/ws", "k6/net/grpc");

    private JsModuleNames() {
    }

    /** Whether the name is one an extension may use: {@code k6/x/} followed by something. */
    static boolean isExtensionName(String name) {
        return name.startsWith(EXTENSION_PREFIX) && name.length() > EXTENSION_PREFIX.length();
    }

    /** Whether the name is in k6's namespace: {@code k6} or {@code k6/…}. */
    static boolean isK6Name(String name) {
        return name.equals("k6") || (name.startsWith("k6/") && name.length() > 3);
    }

    /** Throws an invalid-config error naming the module's jar if one of its aliases breaks the rule. */
    static void checkAliases(Found<JsModule> found) {
        for (String alias : found.extension().aliases()) {
            if (!isExtensionName(alias) && !K6_NAMES_FOR_EXTENSIONS.contains(alias)) {
                throw K6jException.invalidConfig("JS module '" + found.extension().name() + "' from "
                        + found.describe() + " has the alias '" + alias + "': an alias must be named "
                        + EXTENSION_PREFIX + "<name> or be one of " + new TreeSet<>(K6_NAMES_FOR_EXTENSIONS));
            }
        }
    }

    /** Throws an invalid-config error naming the module's jar if its name breaks the rule. */
    static void check(Found<JsModule> found) {
        String name = found.extension().name();
        Class<?> type = found.extension().getClass();
        if (name == null || name.isBlank()) {
            throw K6jException.invalidConfig("the JS module from " + found.describe() + " has no name");
        }
        if (ExtensionOrigin.isEngine(type)) {
            if (!isK6Name(name)) {
                throw K6jException.invalidConfig("built-in JS module '" + name + "' (" + type.getName()
                        + ") must be named k6 or k6/<name>");
            }
        } else if (!isExtensionName(name)) {
            throw K6jException.invalidConfig("JS module '" + name + "' from " + found.describe()
                    + " must be named " + EXTENSION_PREFIX + "<name>: other names are reserved for k6's built-in modules");
        }
    }
}
