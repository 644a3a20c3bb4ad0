package org.pressdesk.exchange;

import java.util.Locale;

import ezvcard.VCardVersion;

import org.pressdesk.system.InvalidInput;

/**
 * The vCard flavours we write: 3.0 (what Apple and Google write, and Android reads), 4.0
 * on request, and Outlook's: 2.1 with quoted-printable UTF-8, one card per file.
 */
public enum CardFormat {

	VCARD_3(VCardVersion.V3_0), VCARD_4(VCardVersion.V4_0), OUTLOOK(VCardVersion.V2_1);

	private final VCardVersion version;

	CardFormat(VCardVersion version) {
		this.version = version;
	}

	public VCardVersion version() {
		return version;
	}

	/** From {@code ?version=}, {@code ?target=} and the Accept header, in that order. */
	public static CardFormat of(String version, String target, String accept) {
		if (target != null && !target.isBlank()) {
			if (target.equalsIgnoreCase("outlook")) {
				return OUTLOOK;
			}
			throw new InvalidInput("target", "must be outlook, or be left out");
		}
		if (version != null && !version.isBlank()) {
			return switch (version.strip()) {
				case "3.0", "3" -> VCARD_3;
				case "4.0", "4" -> VCARD_4;
				default -> throw new InvalidInput("version", "must be 3.0 or 4.0");
			};
		}
		if (accept != null && accept.toLowerCase(Locale.ROOT).replace(" ", "").contains("version=4.0")) {
			return VCARD_4;
		}
		return VCARD_3;
	}

}
