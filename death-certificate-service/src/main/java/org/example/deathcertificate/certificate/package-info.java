/** Cause-of-death certificates (DOI): their content rules, safe storage exactly once, and reading them. */
package org.example.deathcertificate.certificate;
