/** Who may call what: bearer tokens from the suite's issuer, checked against each service's access list. */
package org.example.reactivetrial.access;
