/**
 * Duplicates: pairs of people who may be one, most likely first, each with the reasons a
 * press officer can check (a shared email, phone or LinkedIn profile; a name alike), and
 * their dismissal ("these are two people").
 */
package org.pressdesk.duplicate;
