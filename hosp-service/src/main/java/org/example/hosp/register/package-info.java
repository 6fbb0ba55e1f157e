/** The register itself: persons, licences, specialist certificates, restrictions, education, and the registrar's updates. */
package org.example.hosp.register;
