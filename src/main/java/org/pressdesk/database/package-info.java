/**
 * The database as the service meets it: the embedded MariaDB it runs and supervises when
 * no external one is configured, how pooled connections are set up, and what the service
 * does while the database cannot be reached.
 */
package org.pressdesk.database;
