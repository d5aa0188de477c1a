package dev.k6j.engine.extension.plugin;

import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the plugin's own classes first (so two plugins may carry different versions of one
 * library), except the packages that must be the host's single copy: the k6j SPI and engine, GraalJS and Truffle
 * (loaded once per JVM), SLF4J and PF4J. A plugin jar that bundles one of these by mistake then still works,
 * instead of failing with a {@code ClassCastException} or its modules silently missing.
 */
final class HostFirstClassLoader extends PluginClassLoader {

    private static final String[] HOST_PACKAGES = {
        "dev.k6j.spi.", "dev.k6j.engine.", "org.graalvm.", "com.oracle.truffle.", "org.slf4j.", "org.pf4j.",
    };

    HostFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, host);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        for (String prefix : HOST_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return super.shouldDelegateToParent(className);
    }
}
