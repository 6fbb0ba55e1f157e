/** The FHIR R4 terminology API at /fhir: CodeSystem, ValueSet and ConceptMap resources and their operations. */
package org.example.codeserver.fhir;
