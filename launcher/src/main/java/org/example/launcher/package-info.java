/** Starts the whole suite on one machine: one embedded PostgreSQL, then every service as its own process. */
package org.example.launcher;
