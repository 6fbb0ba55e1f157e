/** The versioned FMB content (diagnoses, typical cases, general principles), its workflow and the published snapshot. */
package org.example.fmb.content;
