package dev.k6j.engine.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimingMarksTest {

    @Test
    void durationIsSendingPlusWaitingPlusReceiving() {
        TimingMarks marks = new TimingMarks();
        long t = TimingMarks.now() - 10_000_000;
        marks.getConn = t;
        marks.connectStart = t + 1_000_000;
        marks.connectDone = t + 2_000_000;
        marks.tlsStart = t + 2_000_000;
        marks.tlsDone = t + 4_000_000;
        marks.gotConn = t + 4_000_000;
        marks.wroteRequest = t + 5_000_000;
        marks.firstByte = t + 8_000_000;
        Timings timings = marks.finish();
        assertThat(timings.blocked()).isEqualTo(4.0);
        assertThat(timings.connecting()).isEqualTo(1.0);
        assertThat(timings.tlsHandshaking()).isEqualTo(2.0);
        assertThat(timings.sending()).isEqualTo(1.0);
        assertThat(timings.waiting()).isEqualTo(3.0);
        assertThat(timings.receiving()).isPositive();
        assertThat(timings.duration()).isEqualTo(timings.sending() + timings.waiting() + timings.receiving());
    }

    @Test
    void aReusedConnectionHasNoConnectingTime() {
        TimingMarks marks = new TimingMarks();
        marks.getConn = TimingMarks.now();
        marks.reused();
        marks.wroteRequest = TimingMarks.now();
        marks.firstByte = TimingMarks.now();
        Timings timings = marks.finish();
        assertThat(timings.connecting()).isZero();
        assertThat(timings.tlsHandshaking()).isZero();
    }

    @Test
    void withoutAResponseTheWaitLastsUntilTheEnd() {
        TimingMarks marks = new TimingMarks();
        marks.getConn = TimingMarks.now() - 2_000_000;
        marks.reused();
        marks.wroteRequest = TimingMarks.now() - 1_000_000;
        Timings timings = marks.finish();
        assertThat(timings.receiving()).isZero();
        assertThat(timings.waiting()).isGreaterThanOrEqualTo(1.0);
        assertThat(timings.duration()).isEqualTo(timings.sending() + timings.waiting());
    }
}
