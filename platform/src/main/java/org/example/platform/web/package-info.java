/**
 * What every servlet application of the suite does first: request correlation (every request carries an X-Request-Id,
 * in the answer and in every log line) and the body-size limit, counted as the body streams.
 */
package org.example.platform.web;
