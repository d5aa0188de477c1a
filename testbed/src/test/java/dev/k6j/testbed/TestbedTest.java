package dev.k6j.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The testbed's servers answer as documented, over HTTP/1.1 and HTTP/2 (checked with the JDK's own client). */
class TestbedTest {

    private static Testbed testbed;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        testbed = Testbed.start();
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, new SecureRandom());
        client = HttpClient.newBuilder().sslContext(trustAll).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        testbed.close();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void echoesRequestsOverHttp1() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(testbed.httpUrl() + "/post?x=1"))
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"method\":\"POST\"").contains("\"data\":\"hello\"")
                .contains("\"args\":{\"x\":\"1\"}").contains("\"proto\":\"HTTP/1.1\"");
    }

    @Test
    void speaksHttp2OverTls() throws Exception {
        HttpResponse<String> response = get(testbed.httpsUrl() + "/get");
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.body()).contains("\"proto\":\"HTTP/2.0\"");
    }

    @Test
    void statusRedirectAndCookieEndpoints() throws Exception {
        assertThat(get(testbed.httpUrl() + "/status/418").statusCode()).isEqualTo(418);
        HttpResponse<String> redirect = get(testbed.httpUrl() + "/redirect/2");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location")).hasValue("/redirect/1");
        HttpResponse<String> cookie = get(testbed.httpUrl() + "/cookies/set?a=b");
        assertThat(cookie.headers().allValues("set-cookie")).containsExactly("a=b; Path=/");
    }

    @Test
    void gzipAndBytes() throws Exception {
        HttpResponse<byte[]> gzip = client.send(HttpRequest.newBuilder(URI.create(testbed.httpUrl() + "/gzip")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzip.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gzip.body()[0] & 0xff).isEqualTo(0x1f);
        HttpResponse<byte[]> bytes = client.send(HttpRequest.newBuilder(URI.create(testbed.httpUrl() + "/bytes/1000"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.body()).hasSize(1000);
    }

    @Test
    void basicAuthChecksCredentials() throws Exception {
        String url = testbed.httpUrl() + "/basic-auth/u/p";
        assertThat(get(url).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic dTpw").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void digestChallengeAndAnswer() {
        String challenge = DigestChallenge.challenge("auth");
        assertThat(challenge).startsWith("Digest realm=\"k6j-testbed\", qop=\"auth\", nonce=");
        String nonce = DigestChallenge.parse(challenge.substring(7)).get("nonce");
        String ha1 = DigestChallenge.md5("u:k6j-testbed:p");
        String ha2 = DigestChallenge.md5("GET:/x");
        String response = DigestChallenge.md5(ha1 + ":" + nonce + ":00000001:c:auth:" + ha2);
        String header = "Digest username=\"u\", realm=\"k6j-testbed\", nonce=\"" + nonce + "\", uri=\"/x\", qop=auth, "
                + "nc=00000001, cnonce=\"c\", response=\"" + response + "\"";
        assertThat(DigestChallenge.verify(header, "GET", "u", "p")).isTrue();
        assertThat(DigestChallenge.verify(header, "GET", "u", "wrong")).isFalse();
    }

    @Test
    void theClientCertificateIsSignedByTheTestbedCa() throws Exception {
        TestCertificates certificates = testbed.certificates();
        certificates.client().verify(certificates.ca().getPublicKey());
        assertThat(certificates.clientCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(certificates.clientKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    }
}
