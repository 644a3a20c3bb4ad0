package org.pressdesk.person;

/**
 * An affiliation with the version of the person it belongs to: affiliations are part of
 * the person, so they share its version and ETag.
 */
public record AffiliationOfPerson(Affiliation affiliation, int personVersion) {
}
