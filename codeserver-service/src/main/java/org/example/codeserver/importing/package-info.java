/** Reading the published code system files (ICD-10-SE, KVÅ, KSH97-P, ICF, HoSp lists, FHIR, CSV) into the model. */
package org.example.codeserver.importing;
