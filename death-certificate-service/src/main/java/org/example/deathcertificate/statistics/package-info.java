/** Statistics for the authority: certificates per month and channel, the electronic share, lead times, the coding backlog. */
package org.example.deathcertificate.statistics;
