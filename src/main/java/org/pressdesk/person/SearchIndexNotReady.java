package org.pressdesk.person;

import org.pressdesk.system.Unavailable;

/**
 * A search asked before this instance's index was built (at start, or the database away).
 */
class SearchIndexNotReady extends Unavailable {

	SearchIndexNotReady() {
		super("Search is being prepared (this instance is reading the directory after a start). Try again shortly.");
	}

}
