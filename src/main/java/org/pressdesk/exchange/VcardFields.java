package org.pressdesk.exchange;

/** Names a field of our person model the way a vCard calls it, for import reports. */
final class VcardFields {

	private VcardFields() {
	}

	static String of(String field) {
		String top = field.replaceAll("[.\\[].*", "");
		return switch (top) {
			case "emails" -> "EMAIL";
			case "phones" -> "TEL";
			case "linkedinUrl" -> "URL";
			case "givenName", "familyName", "additionalNames", "honorificPrefix", "honorificSuffix" -> "N";
			case "displayName" -> "FN";
			case "topics" -> "CATEGORIES";
			case "notes" -> "NOTE";
			case "pronouns" -> "PRONOUNS";
			case "organisationId" -> "ORG";
			default -> field;
		};
	}

}
