/** Checks ICD-10-SE and ICF codes against the code server, and keeps FMB serving when it is down. */
package org.example.fmb.codes;
