package org.pressdesk.exchange;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on imported files ({@code pressdesk.import.*}), so that one upload cannot
 * exhaust the service.
 *
 * @param maxFileSize the largest file accepted
 * @param maxCards the most cards (or CSV rows) in one file
 * @param maxLineLength the longest physical line
 * @param maxValueLength the longest property (an unfolded vCard line, a CSV cell)
 * @param maxLinesPerCard the most lines in one card (a person has at most 50 emails and
 * 50 phones; a card of 100,000 TEL lines took half a minute and a gigabyte to refuse)
 */
@Validated
@ConfigurationProperties("pressdesk.import")
public record ImportSettings(@DefaultValue("10MB") DataSize maxFileSize, @Positive @DefaultValue("10000") int maxCards,
		@Positive @DefaultValue("2000") int maxLineLength, @Positive @DefaultValue("20000") int maxValueLength,
		@Positive @DefaultValue("1000") int maxLinesPerCard) {
}
