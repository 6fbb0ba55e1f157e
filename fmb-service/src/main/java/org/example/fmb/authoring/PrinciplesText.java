package org.example.fmb.authoring;

/** What a version of the general principles holds: a title and the text as FMB markup. */
record PrinciplesText(String title, String markup) {}
