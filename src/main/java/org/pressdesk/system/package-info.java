/**
 * The shared kernel every feature builds on: the exceptions that name what went wrong
 * (invalid fields, not found, conflicts, stale versions), ids, the LIKE pattern of a
 * search word, bulk inserts, the lock that keeps imports apart from each other and from
 * creates, and the service's own settings.
 */
package org.pressdesk.system;
