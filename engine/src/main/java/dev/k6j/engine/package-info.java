/** The k6j engine: runs k6 scripts. */
package dev.k6j.engine;
