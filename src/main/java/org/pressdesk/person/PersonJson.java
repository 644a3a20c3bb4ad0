package org.pressdesk.person;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.util.RawValue;

/**
 * A person's JSON exactly as the API writes a {@link Person}, as the search index keeps
 * it: a page of results is written from it as it is, without reading each person back
 * into objects and writing them out again (measured: that was most of what a search
 * allocated, and a third of its time). The API description shows it as a {@link Person}.
 */
@Schema(name = "Person", implementation = Person.class)
public record PersonJson(String json) {

	@JsonValue
	RawValue asWritten() {
		return new RawValue(json);
	}

}
