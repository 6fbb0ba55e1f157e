/** The routes to the suite's services, with the request id every request carries on and back. */
package org.example.reactivetrial.routing;
