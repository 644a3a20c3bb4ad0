package org.pressdesk.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Each person's card as a bulk export writes it, made when the person is indexed and kept
 * in the index beside them: an export of the whole directory then streams stored bytes
 * instead of building 100,000 cards while the client waits. Implemented where cards are
 * made (the exchange package).
 */
public interface ExportCards {

	/**
	 * @param organisationNames for each organisation id, the names from the top of its
	 * tree down
	 * @param today what counts as a current affiliation
	 */
	byte[] exportCard(Person person, Map<String, List<String>> organisationNames, LocalDate today);

}
