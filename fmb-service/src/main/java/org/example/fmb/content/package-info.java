/**
 * What is served: the import of the reference content as the first published version, and the published snapshot the
 * read APIs use, built from {@code authoring}'s {@code PublishedVersions} query (records only, no entity).
 */
package org.example.fmb.content;
