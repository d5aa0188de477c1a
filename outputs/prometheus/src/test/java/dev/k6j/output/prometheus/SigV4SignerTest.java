package dev.k6j.output.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4SignerTest {

    @Test
    void matchesAwsDocumentedExample() {
        // AWS's worked example of Signature Version 4 (IAM ListUsers, 2015-08-30T12:36:00Z, us-east-1)
        SigV4Signer signer = new SigV4Signer("us-east-1", "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "iam");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("X-Amz-Date", "20150830T123600Z");

        String authorization = signer.authorization("GET",
                URI.create("https://iam.amazonaws.com/?Version=2010-05-08&Action=ListUsers"), headers, 0,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Instant.parse("2015-08-30T12:36:00Z"));

        assertThat(authorization).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-date,"
                + " Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    @Test
    void signsTheRemoteWriteHeadersButNotTheUserAgent() {
        SigV4Signer signer = new SigV4Signer("eu-west-1", "AKID", "secret", "aps");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "k6j-prometheus-rw-output");
        headers.put("Content-Encoding", "snappy");
        headers.put("X-Custom", "  a   b  ");

        Map<String, String> added = signer.sign("POST",
                URI.create("https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write"),
                headers, new byte[] {1, 2, 3}, Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(added).containsEntry("X-Amz-Date", "20260102T030405Z")
                .containsEntry("X-Amz-Content-Sha256",
                        "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
        assertThat(added.get("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKID/20260102/eu-west-1/aps/"
                + "aws4_request, SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                + "x-custom, Signature=");
    }

    @Test
    void canonicalFormsAreGos() {
        assertThat(SigV4Signer.canonicalQuery(URI.create("http://h/p?b=2&a=x%20y&a=1&c=*~"))).isEqualTo(
                "a=1&a=x%20y&b=2&c=%2A~");
        assertThat(SigV4Signer.canonicalPath(URI.create("http://h"))).isEqualTo("/");
        assertThat(SigV4Signer.canonicalPath(URI.create("http://h/a%20b/c"))).isEqualTo("/a%2520b/c");
        assertThat(SigV4Signer.collapseSpaces("\t inner      space  ")).isEqualTo("inner space");
        assertThat(new SigV4Signer("r", "a", "topsecret", "aps").toString()).doesNotContain("topsecret");
    }
}
