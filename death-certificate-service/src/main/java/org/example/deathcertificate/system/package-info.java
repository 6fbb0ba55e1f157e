/** What belongs to no feature: OpenAPI description and the security filter chain. */
package org.example.deathcertificate.system;
