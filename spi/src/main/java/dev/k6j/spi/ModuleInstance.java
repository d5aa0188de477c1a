package dev.k6j.spi;

/**
 * A module's state inside one VU. Created by {@link JsModule#newInstance(Vu)}.
 *
 * <p>Owned by the VU's thread: {@link #exports()} is called there, once per VU.
 */
@FunctionalInterface
public interface ModuleInstance {

    /** What the module exports to scripts of this VU. The named export names must not depend on the VU. */
    Exports exports();
}
