/**
 * The {@code k6/http} module's JavaScript binding: {@link dev.k6j.engine.modules.http.HttpModule} and its glue
 * ({@code http.js}), the per-VU {@link dev.k6j.engine.modules.http.HttpHost}, request arguments read from script
 * values ({@link dev.k6j.engine.modules.http.RequestParser}), the script's
 * {@link dev.k6j.engine.modules.http.Response} and cookie-jar objects. Everything that speaks HTTP is in
 * {@code dev.k6j.engine.httpclient}, which knows nothing of JavaScript.
 */
package dev.k6j.engine.modules.http;
