/** What belongs to no feature: OpenAPI description, the security filter chains and the clock. */
package org.example.deathcertificate.system;
