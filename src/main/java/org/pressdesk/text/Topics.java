package org.pressdesk.text;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics, on people and articles alike: two that are equal when folded ("Économie",
 * "economie") are one topic, and the first spelling wins.
 */
public final class Topics {

	private Topics() {
	}

	/** Topics as a form's field takes them: one line, separated by commas. */
	public static List<String> ofLine(String line) {
		return line == null ? List.of()
				: Arrays.stream(line.split(",")).map(String::strip).filter(topic -> !topic.isEmpty()).toList();
	}

	public static List<String> distinct(List<String> topics) {
		if (topics == null) {
			return List.of();
		}
		Map<String, String> byFolded = new LinkedHashMap<>();
		topics.stream()
			.filter(topic -> topic != null && !topic.isBlank())
			.map(String::strip)
			.forEach(topic -> byFolded.putIfAbsent(Folding.fold(topic), topic));
		return List.copyOf(byFolded.values());
	}

}
