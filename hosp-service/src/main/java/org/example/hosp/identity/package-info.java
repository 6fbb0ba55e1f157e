/** Swedish identity numbers (personnummer and samordningsnummer): parsing, validation and normalisation. */
package org.example.hosp.identity;
