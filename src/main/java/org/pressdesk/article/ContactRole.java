package org.pressdesk.article;

import java.util.List;

/**
 * Why a person is named on an article. Only press contacts and spokespeople are shown to
 * the public.
 */
public enum ContactRole {

	PRESS_CONTACT, SPOKESPERSON, QUOTED, MENTIONED;

	static final List<ContactRole> PUBLIC = List.of(PRESS_CONTACT, SPOKESPERSON);

}
