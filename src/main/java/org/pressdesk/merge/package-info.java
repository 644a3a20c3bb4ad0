/**
 * Merging two records of one person into one, and undoing it within 30 days.
 */
package org.pressdesk.merge;
