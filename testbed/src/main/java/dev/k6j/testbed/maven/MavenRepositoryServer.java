package dev.k6j.testbed.maven;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.k6j.testbed.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Serves a folder ({@link MavenRepositoryFolder}) as a Maven repository over HTTP and HTTPS (the testbed's
 * certificate), as a company's Nexus or Artifactory would: {@code GET} and {@code HEAD} of files, 404 for anything
 * missing, and, when credentials are set, 401 without them. Both on free ports of 127.0.0.1. It logs the paths
 * asked for, so a test can tell whether a run went to the network at all.
 *
 * <pre>{@code
 * try (MavenRepositoryServer server = MavenRepositoryServer.start(folder.root(), certificates, "deployer", "s3cret")) {
 *     server.httpsUrl();   // https://127.0.0.1:41234/maven2/
 * }
 * }</pre>
 *
 * <p>Threads: its own small pool; {@link #close()} from any thread.
 */
public final class MavenRepositoryServer implements AutoCloseable {

    private static final String PATH = "/maven2/";

    private final Path root;
    private final String authorization;
    private final HttpServer http;
    private final HttpsServer https;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "k6j-testbed-maven");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private MavenRepositoryServer(Path root, TestCertificates certificates, String user, String password)
            throws IOException, GeneralSecurityException {
        this.root = root.toAbsolutePath().normalize();
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        http = HttpServer.create(any, 0);
        https = HttpsServer.create(any, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls(certificates)));
        for (HttpServer server : new HttpServer[] {http, https}) {
            server.createContext(PATH, this::serve);
            server.setExecutor(pool);
            server.start();
        }
    }

    /** Serves {@code root}; with a user, every request must carry those Basic credentials. */
    public static MavenRepositoryServer start(Path root, TestCertificates certificates, String user, String password) {
        try {
            return new MavenRepositoryServer(root, certificates, user, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the testbed's Maven repository", e);
        }
    }

    /** {@code http://127.0.0.1:PORT/maven2/}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + PATH;
    }

    /** {@code https://127.0.0.1:PORT/maven2/}, with the testbed's certificate (signed by its CA). */
    public String httpsUrl() {
        return "https://127.0.0.1:" + https.getAddress().getPort() + PATH;
    }

    /** The paths asked for so far, in order ({@code GET com/example/…/x.jar}). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String relative = exchange.getRequestURI().getPath().substring(PATH.length());
            requests.add(method + " " + relative);
            if (authorization != null && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"k6j testbed\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] content = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().add("Content-Length", Integer.toString(content.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(content);
            }
        }
    }

    private static SSLContext tls(TestCertificates certificates) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "testbed".toCharArray();
        store.setKeyEntry("server", certificates.serverKey(), password,
                new Certificate[] {certificates.server(), certificates.ca()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /**
     * A PKCS12 trust store holding the testbed's CA, for a client that must trust this server:
     * {@code -Djavax.net.ssl.trustStore=<file> -Djavax.net.ssl.trustStorePassword=testbed}.
     */
    public static Path writeTrustStore(TestCertificates certificates, Path file) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("k6j-testbed-ca", certificates.ca());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, "testbed".toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the trust store " + file, e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        https.stop(0);
        pool.shutdownNow();
    }
}
