/** Follow-up data: how often each diagnosis is looked up per day, without any personal data. */
package org.example.fmb.statistics;
