package dev.k6j.engine.httpclient;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/**
 * Maps Java failures to k6's error codes and messages ({@code lib/netext/httpext/error_codes.go}), so
 * {@code res.error_code} and the {@code error_code} tag mean what they mean in k6. Stateless.
 */
public final class ErrorCodes {

    public static final int DEFAULT = 1000;
    public static final int INVALID_URL = 1020;
    public static final int REQUEST_TIMEOUT = 1050;
    public static final int DNS_DEFAULT = 1100;
    public static final int DNS_NO_SUCH_HOST = 1101;
    public static final int BLACKLISTED_IP = 1110;
    public static final int BLOCKED_HOSTNAME = 1111;
    public static final int TCP_DEFAULT = 1200;
    public static final int TCP_BROKEN_PIPE = 1201;
    public static final int TCP_DIAL = 1210;
    public static final int TCP_DIAL_TIMEOUT = 1211;
    public static final int TCP_DIAL_REFUSED = 1212;
    public static final int TCP_RESET_BY_PEER = 1220;
    public static final int TLS_DEFAULT = 1300;
    public static final int TLS_HEADER = 1301;
    public static final int X509_UNKNOWN_AUTHORITY = 1310;
    public static final int X509_HOSTNAME = 1311;
    public static final int HTTP2_GOAWAY = 1610;
    public static final int HTTP2_STREAM = 1630;
    public static final int HTTP2_CONNECTION = 1650;
    public static final int RESPONSE_DECOMPRESSION = 1701;

    private ErrorCodes() {
    }

    /** The timeout of a whole request ({@code params.timeout}). */
    public static HttpError requestTimeout() {
        return new HttpError(REQUEST_TIMEOUT, "request timeout");
    }

    /** A timeout before the connection was made. */
    public static HttpError dialTimeout() {
        return new HttpError(TCP_DIAL_TIMEOUT, "dial: i/o timeout");
    }

    /** k6's code and message for any failure of a request. */
    public static HttpError of(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof HttpError known) {
            return known;
        }
        if (e instanceof Http2ProtocolException protocol) {
            return http2Connection(protocol.errorCode());
        }
        if (e instanceof Http2RetryableFailure retryable) {
            return retryable.error();
        }
        if (e instanceof ConnectTimeoutException) {
            return new HttpError(TCP_DIAL_TIMEOUT, "dial: i/o timeout", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("refused")) {
                return new HttpError(TCP_DIAL_REFUSED, "dial: connection refused", e);
            }
            return new HttpError(TCP_DIAL, "dial: " + e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new HttpError(DNS_NO_SUCH_HOST, "lookup: no such host", e);
        }
        if (e instanceof SSLException ssl) {
            return tls(ssl);
        }
        if (e instanceof ClosedChannelException) {
            return new HttpError(DEFAULT, "EOF", e);
        }
        if (e instanceof IOException io) {
            String message = String.valueOf(io.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("connection reset")) {
                return new HttpError(TCP_RESET_BY_PEER, "read: connection reset by peer", e);
            }
            if (message.contains("broken pipe")) {
                return new HttpError(TCP_BROKEN_PIPE, "write: broken pipe", e);
            }
            return new HttpError(TCP_DEFAULT, io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage(),
                    e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new HttpError(DEFAULT, message, e);
    }

    private static HttpError tls(SSLException ssl) {
        // Go's words in the detail (what k6 throws and logs), k6's short message for res.error and the tag.
        String verifyFailed = "tls: failed to verify certificate: ";
        for (Throwable t = ssl; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                String expired = "x509: certificate has expired or is not yet valid";
                return new HttpError(DEFAULT, expired, verifyFailed + expired + ": " + t.getMessage(), ssl);
            }
        }
        if (hasCause(ssl, CertPathBuilderException.class) || hasCause(ssl, CertPathValidatorException.class)) {
            return new HttpError(X509_UNKNOWN_AUTHORITY, "x509: unknown authority",
                    verifyFailed + "x509: certificate signed by unknown authority", ssl);
        }
        for (Throwable t = ssl; t != null; t = t.getCause()) {
            if (t instanceof CertificateException && String.valueOf(t.getMessage()).contains("match")) {
                return new HttpError(X509_HOSTNAME, "x509: certificate doesn't match hostname",
                        verifyFailed + "x509: certificate is not valid for this host (" + t.getMessage() + ")", ssl);
            }
        }
        if (String.valueOf(ssl.getMessage()).contains("plaintext connection")
                || String.valueOf(ssl.getMessage()).contains("Unsupported or unrecognized SSL message")) {
            return new HttpError(TLS_HEADER, "tls: first record does not look like a TLS handshake", ssl);
        }
        return new HttpError(TLS_DEFAULT, "tls: " + ssl.getMessage(), ssl);
    }

    /** The server reset the stream (RST_STREAM) with an HTTP/2 error code. */
    static HttpError http2Stream(long code) {
        return new HttpError((int) (HTTP2_STREAM + http2Offset(code)),
                "http2: stream error with http2 ErrCode " + Http2ErrorCodes.name(code));
    }

    /** The connection ended after the server's GOAWAY with this error code. */
    static HttpError http2GoAway(long code) {
        return new HttpError((int) (HTTP2_GOAWAY + http2Offset(code)),
                "http2: received GoAway with http2 ErrCode " + Http2ErrorCodes.name(code));
    }

    /** A connection error (the server broke HTTP/2's rules) with this error code. */
    static HttpError http2Connection(long code) {
        return new HttpError((int) (HTTP2_CONNECTION + http2Offset(code)),
                "http2: connection error with http2 ErrCode " + Http2ErrorCodes.name(code));
    }

    /** k6's offset for an HTTP/2 error code: 1 + the code for the codes it knows, else 0. */
    private static long http2Offset(long code) {
        return Http2ErrorCodes.known(code) ? 1 + code : 0;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException
                || (e instanceof DecoderException && e.getCause() != null))
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
