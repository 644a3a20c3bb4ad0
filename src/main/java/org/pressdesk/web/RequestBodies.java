package org.pressdesk.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;

import org.springframework.stereotype.Component;

/**
 * Turns request bodies into validated input records, and applies merge patches to them.
 * Both paths report every bad field by its JSON path, so a create and a patch fail alike.
 */
@Component
public class RequestBodies {

	private final JsonMapper mapper;

	private final Validator validator;

	RequestBodies(JsonMapper mapper, Validator validator) {
		this.mapper = mapper;
		this.validator = validator;
	}

	/** Throws {@link InvalidInput} listing every constraint the input breaks. */
	public <T> T validated(T input) {
		List<FieldProblem> violations = violations(input);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return input;
	}

	/**
	 * Every constraint the input breaks, by field, for a caller that goes on to check
	 * more fields and reports all problems together.
	 */
	public <T> List<FieldProblem> violations(T input) {
		if (input == null) {
			throw new InvalidInput("", "a JSON object is required");
		}
		return validator.validate(input)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
			.map(v -> new FieldProblem(fieldOf(v), v.getMessage()))
			.toList();
	}

	/** The JSON path of the field a violation is about. */
	private static String fieldOf(ConstraintViolation<?> violation) {
		// Hibernate Validator names list elements "topics[1].<list element>"; clients
		// know "topics[1]"
		String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
		// the parts of an unwrapped component (a person's name) are top-level fields of
		// the JSON
		RecordComponent[] components = violation.getRootBeanClass().getRecordComponents();
		for (RecordComponent component : components == null ? new RecordComponent[0] : components) {
			if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)
					&& path.startsWith(component.getName() + ".")) {
				return path.substring(component.getName().length() + 1);
			}
		}
		return path;
	}

	/**
	 * The validated input that results from merging {@code patch} (RFC 7396) into
	 * {@code current}.
	 */
	public <T> T patched(T current, JsonNode patch, Class<T> type) {
		return validated(merged(current, patch, type));
	}

	/**
	 * The input that results from merging {@code patch} into {@code current}, not yet
	 * validated.
	 */
	public <T> T merged(T current, JsonNode patch, Class<T> type) {
		JsonNode merged = MergePatch.apply(mapper.valueToTree(current), patch);
		try {
			return mapper.treeToValue(merged, type);
		}
		catch (JacksonException ex) {
			throw new InvalidInput(List.of(problemOf(ex)));
		}
	}

	/** Names the field a JSON binding error is about, and says what it expected. */
	public static FieldProblem problemOf(JacksonException ex) {
		String field = pathOf(ex.getPath());
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return new FieldProblem(field,
					"is not a field of this resource (or cannot be written); known fields: "
							+ unknown.getKnownPropertyIds()
								.stream()
								.map(String::valueOf)
								.sorted()
								.collect(Collectors.joining(", ")));
		}
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			return new FieldProblem(field,
					"must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
						.map(String::valueOf)
						.collect(Collectors.joining(", ")));
		}
		if (field.isEmpty()) {
			return new FieldProblem("", "the body is not valid JSON for this resource");
		}
		return new FieldProblem(field, "has the wrong type or format");
	}

	private static String pathOf(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

}
