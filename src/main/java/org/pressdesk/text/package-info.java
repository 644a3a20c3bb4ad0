/**
 * Rules for text that several features apply alike: folding for matching, blank values,
 * topics and LinkedIn addresses.
 */
package org.pressdesk.text;
