/** The modern read API: a diagnosis by ICD-10-SE code with fallback, list, search and the general principles. */
package org.example.fmb.diagnosis;
