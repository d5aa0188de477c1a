package dev.k6j.resolver.catalog;

/** A catalog that cannot be read or is not a catalog: one line for the user, naming the catalog. */
public final class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
