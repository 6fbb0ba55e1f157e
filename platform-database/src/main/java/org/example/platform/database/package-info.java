/** A real PostgreSQL for local runs and tests: started in-process when no database URL is configured. */
package org.example.platform.database;
