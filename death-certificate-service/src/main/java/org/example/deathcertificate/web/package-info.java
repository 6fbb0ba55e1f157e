/** What the coders' pages share: their scripts, styles and chart library under the service's own path. */
package org.example.deathcertificate.web;
