package org.example.fmb.authoring;

/** Published after a workflow step of any kind of document: what is served may have changed. */
public record VersionsChanged() {}
