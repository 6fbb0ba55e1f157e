/** The content management API and pages: editors draft, reviewers approve and publish FMB content. */
package org.example.fmb.authoring;
