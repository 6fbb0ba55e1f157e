/** Intake over the national service platform: RIVTA RegisterCertificate v3 and RevokeCertificate v2 (SOAP, Apache CXF). */
package org.example.deathcertificate.rivta;
