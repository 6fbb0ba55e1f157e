/** Direct access (direktåtkomst): a person as the caller's actor type may see it, and bulk licence checks, each read audited. */
package org.example.hosp.directaccess;
