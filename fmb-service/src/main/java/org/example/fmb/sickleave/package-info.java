/** Decision support: does a planned sick leave exceed FMB's recommended maximum for the diagnosis? */
package org.example.fmb.sickleave;
