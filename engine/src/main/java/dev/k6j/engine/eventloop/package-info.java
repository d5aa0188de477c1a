/**
 * A VU's event loop, as k6's {@code js/eventloop}: the queue of tasks only the VU's thread runs, the callbacks other
 * threads register to keep an iteration alive ({@link dev.k6j.engine.eventloop.VuEventLoop}), and the
 * {@code setTimeout}/{@code setInterval} timers on it ({@link dev.k6j.engine.eventloop.Timers}).
 */
package dev.k6j.engine.eventloop;
