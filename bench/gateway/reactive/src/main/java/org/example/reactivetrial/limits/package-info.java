/** Rate limits per client: token subject, or the caller's address without a token. */
package org.example.reactivetrial.limits;
