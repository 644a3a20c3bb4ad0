package org.pressdesk.person;

/**
 * A person a bulk write (an import) creates: checked, with their first affiliation (or
 * none) and its id.
 */
public record NewPerson(String id, PersonDraft draft, AffiliationInput affiliation, String affiliationId) {
}
