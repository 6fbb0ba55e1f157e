/** The register export: a year or month of coded certificates as CSV or JSON Lines, streamed, with count and checksum. */
package org.example.deathcertificate.export;
