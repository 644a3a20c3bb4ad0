package org.pressdesk.organisation;

/**
 * Published inside the transaction that renamed an organisation, so that whatever shows
 * or indexes its name can follow.
 */
public record OrganisationRenamed(String organisationId) {
}
