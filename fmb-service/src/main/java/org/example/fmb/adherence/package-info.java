/** Follow-up of how well sick-leave lengths follow FMB: anonymised episodes uploaded as CSV, figures per diagnosis. */
package org.example.fmb.adherence;
