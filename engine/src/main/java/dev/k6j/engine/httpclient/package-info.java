/**
 * The transport of {@code k6/http}, in plain Java (k6's {@code lib/netext/httpext}): a request's run with redirects,
 * digest authentication and cookies ({@link dev.k6j.engine.httpclient.RequestRun}), the per-VU connection pool,
 * HTTP/1.1 and HTTP/2 over blocking sockets on the requests' own threads, TLS through the JDK's {@code SSLEngine},
 * DNS, timings and the HTTP samples. The JavaScript binding is {@code dev.k6j.engine.modules.http}.
 */
package dev.k6j.engine.httpclient;
