package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP/2 frames as k6j writes and reads them, and header blocks gathered from HEADERS and CONTINUATION frames. */
class Http2FramesTest {

    /** Bytes handed out at most {@code chunk} at a time, with {@code available} telling what is left. */
    private static final class Bytes implements Http2FrameReader.Source {
        private final byte[] bytes;
        private final int chunk;
        private int at;
        private int limit;

        Bytes(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
            this.limit = bytes.length;
        }

        @Override
        public int read(byte[] b, int offset, int length) {
            if (at >= limit) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), limit - at);
            System.arraycopy(bytes, at, b, offset, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return at >= bytes.length ? -1 : limit - at;
        }
    }

    private static byte[] built(Http2FrameWriter writer) {
        return Arrays.copyOf(writer.bytes(), writer.size());
    }

    @Test
    void framesWrittenReadBackWhateverTheChunks() throws Exception {
        Http2FrameWriter writer = new Http2FrameWriter();
        writer.settings(Http2Frames.SETTINGS_ENABLE_PUSH, 0, Http2Frames.SETTINGS_INITIAL_WINDOW_SIZE, 1 << 22);
        writer.windowUpdate(0, 1 << 30);
        byte[] body = new byte[40_000];
        Arrays.fill(body, (byte) 7);
        writer.data(3, body, 0, 16_384, false);
        writer.data(3, body, 16_384, 10, true);
        writer.rstStream(5, Http2ErrorCodes.CANCEL);
        writer.ping(true, "12345678".getBytes(), 0);
        writer.goAway(7, Http2ErrorCodes.NO_ERROR);
        for (int chunk : new int[] {1, 7, 100_000}) {
            Http2FrameReader reader = new Http2FrameReader(new Bytes(built(writer), chunk));
            reader.read();
            assertThat(reader.type()).isEqualTo(Http2Frames.SETTINGS);
            assertThat(reader.length()).isEqualTo(12);
            assertThat(Http2FrameReader.int32(reader.buffer(), reader.payloadOffset() + 8)).isEqualTo(1 << 22);
            reader.read();
            assertThat(reader.type()).isEqualTo(Http2Frames.WINDOW_UPDATE);
            assertThat(Http2FrameReader.int32(reader.buffer(), reader.payloadOffset())).isEqualTo(1 << 30);
            reader.read();
            assertThat(reader.type()).isEqualTo(Http2Frames.DATA);
            assertThat(reader.streamId()).isEqualTo(3);
            assertThat(reader.length()).isEqualTo(16_384);
            assertThat(reader.flag(Http2Frames.FLAG_END_STREAM)).isFalse();
            assertThat(reader.buffer()[reader.payloadOffset() + 16_383]).isEqualTo((byte) 7);
            reader.read();
            assertThat(reader.length()).isEqualTo(10);
            assertThat(reader.flag(Http2Frames.FLAG_END_STREAM)).isTrue();
            reader.read();
            assertThat(reader.type()).isEqualTo(Http2Frames.RST_STREAM);
            assertThat(reader.streamId()).isEqualTo(5);
            reader.read();
            assertThat(reader.type()).isEqualTo(Http2Frames.PING);
            assertThat(reader.flag(Http2Frames.FLAG_ACK)).isTrue();
            assertThat(new String(reader.buffer(), reader.payloadOffset(), 8)).isEqualTo("12345678");
            reader.read();
            assertThat(reader.type()).isEqualTo(Http2Frames.GOAWAY);
            assertThat(Http2FrameReader.int32(reader.buffer(), reader.payloadOffset())).isEqualTo(7);
            assertThatThrownBy(reader::read).as("chunk %d", chunk).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void pollTakesOnlyWholeFramesAlreadyThere() throws Exception {
        Http2FrameWriter writer = new Http2FrameWriter();
        writer.ping(false, "abcdefgh".getBytes(), 0);
        writer.settingsAck();
        byte[] bytes = built(writer);
        Bytes source = new Bytes(bytes, 3);
        source.limit = 20;   // the ping (17 bytes) and 3 bytes of the next frame have arrived
        Http2FrameReader reader = new Http2FrameReader(source);
        assertThat(reader.poll()).isTrue();
        assertThat(reader.type()).isEqualTo(Http2Frames.PING);
        assertThat(reader.poll()).as("half a frame header").isFalse();
        source.limit = bytes.length;
        assertThat(reader.poll()).isTrue();
        assertThat(reader.type()).isEqualTo(Http2Frames.SETTINGS);
        assertThat(reader.flag(Http2Frames.FLAG_ACK)).isTrue();
        assertThatThrownBy(reader::poll).as("the end of the connection").isInstanceOf(EOFException.class);
    }

    @Test
    void refusesAFrameBeyondTheDefaultMaximumSize() {
        Http2FrameWriter writer = new Http2FrameWriter();
        writer.data(1, new byte[16_385], 0, 16_385, true);
        Http2FrameReader reader = new Http2FrameReader(new Bytes(built(writer), 1000));
        assertThatThrownBy(reader::read).isInstanceOf(Http2ProtocolException.class)
                .extracting(e -> ((Http2ProtocolException) e).errorCode()).isEqualTo(Http2ErrorCodes.FRAME_SIZE_ERROR);
    }

    @Test
    void headerBlocksSplitIntoContinuationFramesAreDecodedWhole() throws Exception {
        HpackEncoder encoder = new HpackEncoder();
        encoder.encode(new WireRequest("GET", "/" + "p".repeat(100), Map.of("Host", List.of("example.com"),
                "X-Big", List.of("b".repeat(300))), null), "https");
        Http2FrameWriter writer = new Http2FrameWriter();
        writer.headers(9, encoder.bytes(), encoder.size(), true, 100);   // 100-byte frames: three CONTINUATIONs
        Http2FrameReader reader = new Http2FrameReader(new Bytes(built(writer), 64));
        Http2HeaderBlocks blocks = new Http2HeaderBlocks();
        Http2HeaderBlocks.Block block = null;
        int frames = 0;
        while (block == null) {
            reader.read();
            frames++;
            block = blocks.take(reader);
            assertThat(blocks.open()).isEqualTo(block == null);
        }
        assertThat(frames).isEqualTo(5);
        assertThat(block.streamId()).isEqualTo(9);
        assertThat(block.endStream()).isTrue();
        assertThat(block.fields()).containsExactly(Map.entry("x-big", "b".repeat(300)));
    }

    @Test
    void paddingAndPriorityAroundAHeaderBlockAreSkipped() throws Exception {
        // HEADERS on stream 1, PADDED | PRIORITY | END_HEADERS: pad length 2, 5 priority bytes, ":status: 200" (0x88).
        byte[] frame = {0, 0, 9, Http2Frames.HEADERS, (byte) (Http2Frames.FLAG_PADDED | Http2Frames.FLAG_PRIORITY
                | Http2Frames.FLAG_END_HEADERS), 0, 0, 0, 1, 2, 0, 0, 0, 0, 16, (byte) 0x88, 0, 0};
        Http2FrameReader reader = new Http2FrameReader(new Bytes(frame, frame.length));
        reader.read();
        Http2HeaderBlocks.Block block = new Http2HeaderBlocks().take(reader);
        assertThat(block.status()).isEqualTo(200);
        assertThat(block.fields()).isEmpty();
        assertThat(block.endStream()).isFalse();
    }

    @Test
    void aContinuationOutOfPlaceIsAProtocolError() throws Exception {
        Http2FrameWriter writer = new Http2FrameWriter();
        writer.headers(1, new byte[] {(byte) 0x88, (byte) 0x88}, 2, false, 1);   // HEADERS, then CONTINUATION
        byte[] bytes = built(writer);
        bytes[9 + 1 + 8] = 3;   // the CONTINUATION's stream id: 3 instead of 1
        Http2FrameReader reader = new Http2FrameReader(new Bytes(bytes, bytes.length));
        Http2HeaderBlocks blocks = new Http2HeaderBlocks();
        reader.read();
        assertThat(blocks.take(reader)).isNull();
        reader.read();
        assertThatThrownBy(() -> blocks.take(reader)).isInstanceOf(Http2ProtocolException.class)
                .hasMessageContaining("CONTINUATION");
    }
    @Test
    void aHeaderListBeyondTheAnnouncedLimitIsMarkedAndTheTableKeptInStep() throws Exception {
        // ":status: 200", one 4,000-byte field added to the dynamic table, then 2,700 references to it: a few KB on
        // the wire, 10.9 MB of header list (4,037 bytes a field as RFC 9113 counts), beyond the 10 MB announced.
        byte[] block = new byte[1 + 1 + 6 + 3 + 4000 + 2700];
        int at = 0;
        block[at++] = (byte) 0x88;
        block[at++] = 0x40;
        block[at++] = 5;
        for (char c : "x-big".toCharArray()) {
            block[at++] = (byte) c;
        }
        block[at++] = 0x7f;   // 4000 = 127 + 3873, 3873 = 0x21 + (30 << 7)
        block[at++] = (byte) 0xa1;
        block[at++] = 0x1e;
        Arrays.fill(block, at, at + 4000, (byte) 'v');
        at += 4000;
        Arrays.fill(block, at, block.length, (byte) 0xbe);   // index 62: the newest dynamic entry
        Http2FrameWriter writer = new Http2FrameWriter();
        writer.headers(1, block, block.length, true, Http2Frames.DEFAULT_MAX_FRAME_SIZE);
        writer.headers(3, new byte[] {(byte) 0x88, (byte) 0xbe}, 2, true, Http2Frames.DEFAULT_MAX_FRAME_SIZE);
        Http2FrameReader reader = new Http2FrameReader(new Bytes(built(writer), 4096));
        Http2HeaderBlocks blocks = new Http2HeaderBlocks();
        reader.read();
        Http2HeaderBlocks.Block tooLarge = blocks.take(reader);
        assertThat(tooLarge.tooLarge()).isTrue();
        assertThat(tooLarge.fields()).hasSizeLessThan(2700);
        reader.read();
        Http2HeaderBlocks.Block next = blocks.take(reader);
        assertThat(next.tooLarge()).isFalse();
        assertThat(next.fields()).containsExactly(Map.entry("x-big", "v".repeat(4000)));
    }
}
