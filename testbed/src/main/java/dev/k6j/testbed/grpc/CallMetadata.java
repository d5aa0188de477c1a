package dev.k6j.testbed.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Hands each call's request metadata (and the client certificate's subject, over TLS) to the service through the
 * gRPC {@link Context}, and adds the header {@code x-echo-header: k6j} and trailer {@code x-echo-trailer: done}
 * to every response, so clients can check both. Runs on grpc-java's server threads.
 */
final class CallMetadata implements ServerInterceptor {

    static final Metadata.Key<String> ECHO_HEADER = Metadata.Key.of("x-echo-header", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ECHO_TRAILER = Metadata.Key.of("x-echo-trailer", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Map<String, String>> RECEIVED = Context.key("k6j-testbed-metadata");

    /** The metadata of the current call (binary values in base64), in key order. Call inside a service method. */
    static Map<String, String> received() {
        Map<String, String> metadata = RECEIVED.get();
        return metadata == null ? Map.of() : metadata;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                                                                 ServerCallHandler<ReqT, RespT> next) {
        Map<String, String> received = new TreeMap<>();
        for (String key : headers.keys()) {
            if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                byte[] value = headers.get(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER));
                received.put(key, Base64.getEncoder().encodeToString(value));
            } else if (!key.startsWith("grpc-")) {
                received.put(key, headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
            }
        }
        String peer = peerCertificate(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (peer != null) {
            received.put("peer-certificate", peer);
        }
        ServerCall<ReqT, RespT> echoing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata responseHeaders) {
                responseHeaders.put(ECHO_HEADER, "k6j");
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                trailers.put(ECHO_TRAILER, "done");
                super.close(status, trailers);
            }
        };
        return Contexts.interceptCall(Context.current().withValue(RECEIVED, Map.copyOf(received)), echoing, headers, next);
    }

    private static String peerCertificate(SSLSession session) {
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509
                    ? x509.getSubjectX500Principal().getName() : null;
        } catch (SSLPeerUnverifiedException noClientCertificate) {
            return null;
        }
    }
}
