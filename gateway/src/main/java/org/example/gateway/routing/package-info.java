/** Which path goes to which service, with the caller's request id passed along. */
package org.example.gateway.routing;
