/** The error contract every service shares: RFC 9457 problem+json, never an exception's text on a 500. */
package org.example.platform.error;
