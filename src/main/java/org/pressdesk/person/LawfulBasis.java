package org.pressdesk.person;

/** The UK/EU GDPR Article 6 basis on which we hold a person's data. */
public enum LawfulBasis {

	CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTEREST

}
