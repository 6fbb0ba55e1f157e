/**
 * FMB's documents and their versions (diagnoses with typical cases, the general principles): the workflow from draft
 * to published and retired, draft validation, diffs, and the content management API and pages where editors draft
 * and reviewers approve and publish.
 */
package org.example.fmb.authoring;
