package org.pressdesk.exchange;

import java.util.List;

/**
 * The cards of an imported file that could be read, and the problems of those that could
 * not.
 */
record ReadFile(List<ImportedCard> cards, List<ImportReport.CardProblem> problems) {
}
