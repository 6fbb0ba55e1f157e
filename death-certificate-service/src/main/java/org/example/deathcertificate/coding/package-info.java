/** The coders' workbench: ICD-10-SE codes per cause line, the underlying cause, versions and a second coder's check. */
package org.example.deathcertificate.coding;
