package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Java and Netty failures map to k6's codes and messages (lib/netext/httpext/error_codes.go). */
class ErrorCodesTest {

    private static void maps(Throwable failure, int code, String message) {
        HttpError error = ErrorCodes.of(failure);
        assertThat(error.code()).as(failure.toString()).isEqualTo(code);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @Test
    void networkFailures() {
        maps(new ConnectException("Connection refused"), 1212, "dial: connection refused");
        maps(new ConnectTimeoutException("connection timed out"), 1211, "dial: i/o timeout");
        maps(new UnknownHostException("nope"), 1101, "lookup: no such host");
        maps(new IOException("Connection reset by peer"), 1220, "read: connection reset by peer");
        maps(new IOException("Broken pipe"), 1201, "write: broken pipe");
        maps(new ClosedChannelException(), 1000, "EOF");
        maps(new CompletionException(new ConnectException("Connection refused")), 1212, "dial: connection refused");
    }

    @Test
    void tlsFailures() {
        SSLHandshakeException unknownCa = new SSLHandshakeException("PKIX path building failed");
        unknownCa.initCause(new CertPathValidatorException("no trust anchor"));
        maps(unknownCa, 1310, "x509: unknown authority");
        assertThat(ErrorCodes.of(unknownCa).detail()).as("what k6 throws and logs")
                .isEqualTo("tls: failed to verify certificate: x509: certificate signed by unknown authority");
        SSLHandshakeException hostname = new SSLHandshakeException("No subject alternative names");
        hostname.initCause(new CertificateException("No subject alternative DNS name matching example.com found."));
        maps(hostname, 1311, "x509: certificate doesn't match hostname");
        assertThat(ErrorCodes.of(new SSLHandshakeException("handshake_failure")).code()).isEqualTo(1300);
        SSLHandshakeException expired = new SSLHandshakeException("PKIX path validation failed");
        expired.initCause(new CertPathValidatorException("validity check failed",
                new java.security.cert.CertificateExpiredException("NotAfter: Thu Jan 01 00:00:00 UTC 2026")));
        maps(expired, 1000, "x509: certificate has expired or is not yet valid");
        assertThat(ErrorCodes.of(expired).detail()).isEqualTo("tls: failed to verify certificate: x509: certificate "
                + "has expired or is not yet valid: NotAfter: Thu Jan 01 00:00:00 UTC 2026");
    }

    @Test
    void http2Failures() {
        maps(ErrorCodes.http2Stream(Http2ErrorCodes.REFUSED_STREAM), 1638,
                "http2: stream error with http2 ErrCode REFUSED_STREAM");
        maps(new Http2ProtocolException(Http2ErrorCodes.PROTOCOL_ERROR, "bad"), 1652,
                "http2: connection error with http2 ErrCode PROTOCOL_ERROR");
        maps(ErrorCodes.http2GoAway(Http2ErrorCodes.NO_ERROR), 1611, "http2: received GoAway with http2 ErrCode NO_ERROR");
        maps(ErrorCodes.http2Stream(0x1f), 1630, "http2: stream error with http2 ErrCode unknown error code 0x1f");
        maps(new UnprocessedRequest("http2: the connection is going away"), 1000, "http2: the connection is going away");
    }

    @Test
    void k6ErrorsPassThrough() {
        maps(ErrorCodes.requestTimeout(), 1050, "request timeout");
    }
}
