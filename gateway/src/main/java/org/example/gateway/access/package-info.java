/** Who may call which route: open data anonymously, everything else with a token carrying the right scope. */
package org.example.gateway.access;
