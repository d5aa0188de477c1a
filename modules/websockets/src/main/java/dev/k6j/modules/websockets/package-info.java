/**
 * WebSockets for k6j scripts, on Netty: {@code k6/x/websockets} (k6's browser-style {@code k6/websockets} API,
 * also answering {@code k6/websockets} and {@code k6/experimental/websockets}) and {@code k6/x/ws} (k6's legacy
 * blocking {@code k6/ws} API, also answering {@code k6/ws}).
 *
 * <p>The layers, bottom up: {@link dev.k6j.modules.websockets.WebSocketClient} opens connections and
 * {@link dev.k6j.modules.websockets.Connection} drives one on Netty's threads; a
 * {@link dev.k6j.modules.websockets.Session} turns its events into metrics and state on the VU's thread; the two
 * APIs ({@link dev.k6j.modules.websockets.BrowserSocket}, {@link dev.k6j.modules.websockets.LegacySocket}) are
 * JavaScript glue ({@code websockets.js}, {@code ws.js}) over those host objects.
 */
package dev.k6j.modules.websockets;
