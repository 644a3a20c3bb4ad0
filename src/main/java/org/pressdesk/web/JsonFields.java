package org.pressdesk.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The fields a record has in JSON, as Jackson writes and reads it: its components, those
 * of an unwrapped record in its place ({@code @JsonUnwrapped}: a person's name parts are
 * top-level fields), ignored ones left out.
 */
final class JsonFields {

	private JsonFields() {
	}

	/** The components behind the record's JSON fields, in order. */
	static List<RecordComponent> of(Class<?> record) {
		List<RecordComponent> fields = new ArrayList<>();
		add(record, fields);
		return fields;
	}

	private static void add(Class<?> record, List<RecordComponent> fields) {
		for (RecordComponent component : record.getRecordComponents()) {
			if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
				continue;
			}
			if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class) && component.getType().isRecord()) {
				add(component.getType(), fields);
			}
			else {
				fields.add(component);
			}
		}
	}

}
