package org.pressdesk.organisation;

public enum OrganisationKind {

	UNIVERSITY, RESEARCH, GOVERNMENT, COMPANY, NGO, MEDIA, FUNDER, OTHER

}
