/** Request correlation: every request carries an X-Request-Id, in the answer and in every log line. */
package org.example.platform.web;
