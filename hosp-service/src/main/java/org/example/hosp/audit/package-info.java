/** The append-only audit trail of every read of the register, and its search for the register's own staff. */
package org.example.hosp.audit;
