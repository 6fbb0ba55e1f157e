/** Limits that protect the services: requests per client (or per address when anonymous) and body size. */
package org.example.gateway.limits;
