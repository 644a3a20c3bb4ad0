package org.pressdesk.pages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.pressdesk.system.PressdeskSettings;

import org.springframework.stereotype.Component;

/**
 * Instants as the press office reads and writes them: in its time zone
 * ({@code PRESSDESK_TIME_ZONE}). Templates call it as {@code ${@dates.of(instant)}}.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	/** What a {@code datetime-local} input holds and sends. */
	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final ZoneId zone;

	Dates(PressdeskSettings settings) {
		this.zone = settings.timeZone();
	}

	/** "16 Oct 2024, 10:00", or null. */
	public String of(Instant instant) {
		return instant == null ? null : SHOWN.format(instant.atZone(zone));
	}

	/** The value of a {@code datetime-local} input, or null. */
	public String input(Instant instant) {
		return instant == null ? null : INPUT.format(instant.atZone(zone));
	}

	/** An instant as a {@code datetime-local} input shows it (to the minute), or null. */
	LocalDateTime local(Instant instant) {
		return instant == null ? null : instant.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
	}

	/** The instant a {@code datetime-local} input names, or null. */
	Instant instant(LocalDateTime local) {
		return local == null ? null : local.atZone(zone).toInstant();
	}

	/** The zone's name, for labels ("Europe/London"). */
	public String zone() {
		return zone.getId();
	}

}
