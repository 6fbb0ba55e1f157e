/** Each certificate as a PDF, laid out as the authority's printed form (HSLF-FS 2018:54 Bilaga 6), rendered here. */
package org.example.deathcertificate.pdf;
