package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** k6j's HPACK against the RFC's examples and against Netty's encoder and decoder, block after block. */
class HpackTest {

    private static List<String> decode(HpackDecoder decoder, byte[] block) throws Http2ProtocolException {
        List<String> fields = new ArrayList<>();
        decoder.decode(block, 0, block.length, (name, value) -> fields.add(name + ": " + value));
        return fields;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    @Test
    void decodesTheRfcsHuffmanCodedRequestsInSequence() throws Http2ProtocolException {
        HpackDecoder decoder = new HpackDecoder();   // RFC 7541, appendix C.4: one connection, three requests
        assertThat(decode(decoder, hex("8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff"))).containsExactly(
                ":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com");
        assertThat(decode(decoder, hex("8286 84be 5886 a8eb 1064 9cbf"))).containsExactly(
                ":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com", "cache-control: no-cache");
        assertThat(decode(decoder, hex("8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf")))
                .containsExactly(":method: GET", ":scheme: https", ":path: /index.html",
                        ":authority: www.example.com", "custom-key: custom-value");
    }

    @Test
    void decodesTheRfcsPlainRequestsInSequence() throws Http2ProtocolException {
        HpackDecoder decoder = new HpackDecoder();   // RFC 7541, appendix C.3: the same requests without Huffman
        assertThat(decode(decoder, hex("8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d"))).containsExactly(
                ":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com");
        assertThat(decode(decoder, hex("8286 84be 5808 6e6f 2d63 6163 6865"))).containsExactly(
                ":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com", "cache-control: no-cache");
        assertThat(decode(decoder, hex("8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65")))
                .containsExactly(":method: GET", ":scheme: https", ":path: /index.html",
                        ":authority: www.example.com", "custom-key: custom-value");
    }

    /** RFC 7541, appendix C.5 and C.6: three responses, a 256-byte table, so entries are evicted on the way. */
    private static void decodesTheRfcsResponses(String first, String second, String third) throws Exception {
        HpackDecoder decoder = new HpackDecoder(256);
        String date1 = "date: Mon, 21 Oct 2013 20:13:21 GMT";
        String location = "location: https://www.example.com";
        assertThat(decode(decoder, hex(first))).containsExactly(
                ":status: 302", "cache-control: private", date1, location);
        assertThat(decode(decoder, hex(second))).containsExactly(
                ":status: 307", "cache-control: private", date1, location);
        assertThat(decode(decoder, hex(third))).containsExactly(":status: 200", "cache-control: private",
                "date: Mon, 21 Oct 2013 20:13:22 GMT", location, "content-encoding: gzip",
                "set-cookie: foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1");
    }

    @Test
    void decodesTheRfcsPlainResponsesEvictingAsTheTableFills() throws Exception {
        decodesTheRfcsResponses("""
                4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133
                2032 303a 3133 3a32 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70
                6c65 2e63 6f6d""", "4803 3330 37c1 c0bf", """
                88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d
                54c0 5a04 677a 6970 7738 666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049
                5541 5851 5745 4f49 553b 206d 6178 2d61 6765 3d33 3630 303b 2076 6572 7369 6f6e
                3d31""");
    }

    @Test
    void decodesTheRfcsHuffmanCodedResponsesEvictingAsTheTableFills() throws Exception {
        decodesTheRfcsResponses("""
                4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504 0b81 66e0 82a6
                2d1b ff6e 919d 29ad 1718 63c7 8f0b 97c8 e9ae 82ae 43d3""", "4883 640e ffc1 c0bf", """
                88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab
                77ad 94e7 821d d7f2 e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f
                9587 3160 65c0 03ed 4ee5 b106 3d50 07""");
    }

    @Test
    void decodesWhatNettyEncodesWithHuffmanCodingAndTheDynamicTable() throws Exception {
        // Huffman for every string (threshold 0); "set-cookie" never indexed, as servers mark sensitive fields.
        DefaultHttp2HeadersEncoder netty = new DefaultHttp2HeadersEncoder(
                (name, value) -> name.toString().equals("set-cookie"), false, 16, 0);
        HpackDecoder decoder = new HpackDecoder();
        for (int i = 0; i < 50; i++) {
            Map<String, String> response = new LinkedHashMap<>();
            response.put(":status", i % 7 == 0 ? "404" : "200");
            response.put("server", "nginx/1.22.1");
            response.put("date", "Mon, 01 Jan 2024 00:00:" + (10 + i % 50) + " GMT");
            response.put("content-type", "application/json; charset=utf-8");
            response.put("content-length", Integer.toString(1000 + i * 37));
            response.put("set-cookie", "session=" + "abcdefghijklmnopqrstuvwxyz".repeat(i % 4) + i + "; Path=/");
            response.put("x-binary", "\u00e9t\u00e9 \u00ff~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}");
            response.put("x-long-" + i, "v".repeat(i * 40));   // up to 2 KB: multi-byte integers, evictions
            Http2Headers headers = new DefaultHttp2Headers(false);
            response.forEach(headers::add);
            ByteBuf block = Unpooled.buffer();
            netty.encodeHeaders(3, headers, block);
            byte[] bytes = new byte[block.readableBytes()];
            block.readBytes(bytes);
            List<String> expected = new ArrayList<>();
            response.forEach((name, value) -> expected.add(name + ": " + value));
            assertThat(decode(decoder, bytes)).as("block %d", i).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void encodesRequestsNettyDecodesWithRepeatedFieldsIndexed() throws Exception {
        HpackEncoder encoder = new HpackEncoder();
        DefaultHttp2HeadersDecoder netty = new DefaultHttp2HeadersDecoder(false);
        int firstSize = 0;
        // 20 requests: each adds about 140 bytes of new fields, so nothing is evicted from the 4 KB table yet.
        for (int i = 0; i < 20; i++) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Host", List.of("example.com:8443"));
            headers.put("User-Agent", List.of("k6/1.3.0 (https://k6.io/)"));
            headers.put("Connection", List.of("close"));
            headers.put("TE", List.of("trailers"));
            headers.put("X-Many", List.of("one", "two"));
            headers.put("X-Text", List.of("caf\u00e9 " + i));
            headers.put("Content-Length", List.of(Integer.toString(i)));
            encoder.encode(new WireRequest(i % 2 == 0 ? "GET" : "POST", "/items?id=" + i, headers, null), "https");
            Http2Headers decoded = netty.decodeHeaders(1, Unpooled.wrappedBuffer(encoder.bytes(), 0, encoder.size()));
            List<String> fields = new ArrayList<>();
            decoded.forEach(field -> fields.add(field.getKey() + ": " + field.getValue()));
            assertThat(fields).containsExactly(":method: " + (i % 2 == 0 ? "GET" : "POST"), ":scheme: https",
                    ":authority: example.com:8443", ":path: /items?id=" + i, "user-agent: k6/1.3.0 (https://k6.io/)",
                    "te: trailers", "x-many: one", "x-many: two",
                    // Netty reads header bytes as ISO-8859-1: the UTF-8 bytes of é show as two chars
                    "x-text: caf\u00c3\u00a9 " + i, "content-length: " + i);
            if (i == 0) {
                firstSize = encoder.size();
            } else if (i >= 2) {
                assertThat(encoder.size()).as("repeated fields go as indexes").isLessThan(firstSize / 2);
            }
        }
    }

    @Test
    void announcesASmallerTableTheServerAsksFor() throws Exception {
        HpackEncoder encoder = new HpackEncoder();
        DefaultHttp2HeadersDecoder netty = new DefaultHttp2HeadersDecoder(false);
        Map<String, List<String>> headers = Map.of("Host", List.of("example.com"), "X-A", List.of("a value"));
        encoder.encode(new WireRequest("GET", "/", headers, null), "https");
        netty.decodeHeaders(1, Unpooled.wrappedBuffer(encoder.bytes(), 0, encoder.size()));
        encoder.serverTableSize(0);
        netty.maxHeaderTableSize(0);
        encoder.encode(new WireRequest("GET", "/", headers, null), "https");
        assertThat(encoder.bytes()[0]).as("a dynamic table size update to 0 first").isEqualTo((byte) 0x20);
        Http2Headers decoded = netty.decodeHeaders(3, Unpooled.wrappedBuffer(encoder.bytes(), 0, encoder.size()));
        assertThat(decoded.get("x-a").toString()).isEqualTo("a value");
    }

    @Test
    void refusesBrokenBlocksWithACompressionError() {
        HpackDecoder decoder = new HpackDecoder();
        assertThatThrownBy(() -> decode(decoder, hex("be")))            // index 62: the dynamic table is empty
                .isInstanceOf(Http2ProtocolException.class).hasMessageContaining("index 62")
                .extracting(e -> ((Http2ProtocolException) e).errorCode()).isEqualTo(Http2ErrorCodes.COMPRESSION_ERROR);
        assertThatThrownBy(() -> decode(decoder, hex("0081 00")))       // Huffman "0", then padding of zeros
                .isInstanceOf(Http2ProtocolException.class).hasMessageContaining("padding");
        assertThatThrownBy(() -> decode(decoder, hex("0003 6162")))     // a string longer than the block
                .isInstanceOf(Http2ProtocolException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> decode(decoder, hex("3fe2 1f")))       // a table size of 4097
                .isInstanceOf(Http2ProtocolException.class);
    }

    @Test
    void huffmanDecodesTheRfcsExamples() throws Http2ProtocolException {
        byte[] www = hex("f1e3 c2e5 f23a 6ba0 ab90 f4ff");
        assertThat(HpackHuffman.decode(www, 0, www.length)).isEqualTo("www.example.com");
        byte[] noCache = hex("a8eb 1064 9cbf");
        assertThat(HpackHuffman.decode(noCache, 0, noCache.length)).isEqualTo("no-cache");
        byte[] eos = hex("ffff ffff");   // the 30-bit end-of-string code inside a string
        assertThatThrownBy(() -> HpackHuffman.decode(eos, 0, eos.length))
                .isInstanceOf(Http2ProtocolException.class).hasMessageContaining("EOS");
    }
}
