/**
 * {@code k6/x/tcp}: event-driven raw TCP and TLS sockets with the API of Grafana's xk6-tcp, on Netty.
 *
 * <p>Threads: {@link dev.k6j.modules.tcp.TcpSocket}'s script-facing methods run on the VU's thread; Netty's event
 * loops move bytes and hand every event back through {@link dev.k6j.spi.VuTaskQueue}, so JavaScript runs on
 * the VU's thread only.
 */
package dev.k6j.modules.tcp;
