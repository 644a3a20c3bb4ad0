package org.pressdesk.web;

import java.util.Arrays;

import org.pressdesk.system.StaleVersion;

/**
 * Strong ETags made from a resource's version, and the {@code If-Match} check for writes.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * Throws {@link StaleVersion} unless {@code ifMatch} is absent, {@code *}, or lists
	 * the current version. An unparseable tag can never match, so it is stale too.
	 */
	public static void requireMatch(String ifMatch, int currentVersion) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return;
		}
		String current = of(currentVersion);
		boolean matches = Arrays.stream(ifMatch.split(","))
			.map(String::trim)
			.map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch(current::equals);
		if (!matches) {
			throw new StaleVersion(currentVersion);
		}
	}

}
