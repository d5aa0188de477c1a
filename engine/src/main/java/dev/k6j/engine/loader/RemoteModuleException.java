package dev.k6j.engine.loader;

import java.io.IOException;
import java.net.URI;

/** A remote module that could not be fetched, with k6's message naming the URL and the cause. */
public final class RemoteModuleException extends IOException {

    private final URI url;

    RemoteModuleException(URI url, String cause, Throwable underlying) {
        super("The moduleSpecifier \"" + url + "\" couldn't be retrieved from the resolved url \"" + url
                + "\". Error : \"" + cause + "\"", underlying);
        this.url = url;
    }

    /** The module's URL. */
    public URI url() {
        return url;
    }
}
