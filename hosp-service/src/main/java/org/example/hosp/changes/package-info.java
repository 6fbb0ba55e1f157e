/** The change feed: every registrar update as an ordered event, read by cursor and filtered by the access policy. */
package org.example.hosp.changes;
