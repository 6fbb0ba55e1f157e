package org.example.codeserver.fhir;

/** Which revision of a stored resource the database holds, to tell whether the copy in memory is still current. */
record StoredRevision(String id, String resourceType, int revision) {}
