package org.pressdesk.web;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns request bodies into validated input records, and applies merge patches to them.
 * Both paths report every bad field by its JSON path, so a create and a patch fail alike.
 */
@Component
public class RequestBodies {

	private final JsonMapper mapper;

	private final Validator validator;

	private final ObjectProvider<FurtherChecks> furtherChecks;

	RequestBodies(JsonMapper mapper, Validator validator, ObjectProvider<FurtherChecks> furtherChecks) {
		this.mapper = mapper;
		this.validator = validator;
		this.furtherChecks = furtherChecks;
	}

	/**
	 * Checks of a body beyond its fields' own constraints (that the people it names
	 * exist): {@link #read} runs them also when other fields could not be read, so that a
	 * client is told everything at once. Their fields are paths from the body (a list
	 * body by its name).
	 */
	public interface FurtherChecks {

		/** The problems of the body, by field; none when the checks are not about it. */
		List<FieldProblem> problemsOf(Object body);

		/** The problems a check reports ({@link InvalidInput}), or none. */
		static List<FieldProblem> problemsOf(Runnable check) {
			try {
				check.run();
				return List.of();
			}
			catch (InvalidInput ex) {
				return ex.problems();
			}
		}

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
	 * validated; throws {@link InvalidInput} naming every field the merge made
	 * unreadable.
	 */
	public <T> T merged(T current, JsonNode patch, Class<T> type) {
		return read(MergePatch.apply(mapper.valueToTree(current), patch), mapper.constructType(type), "");
	}

	/**
	 * The body as a {@code type}: when fields cannot be read, {@link InvalidInput} names
	 * every one of them, and every constraint the rest breaks, not only the first.
	 * @param root the name the body has in field paths ({@code contacts} for a body that
	 * is a list of contacts), or empty
	 */
	public <T> T read(JsonNode body, JavaType type, String root) {
		List<FieldProblem> problems = new ArrayList<>();
		JsonNode readable = body;
		while (problems.size() < MAX_PROBLEMS) {
			try {
				T value = mapper.readerFor(type).readValue(readable);
				if (problems.isEmpty()) {
					return value;
				}
				if (value != null) {
					List<FieldProblem> more = new ArrayList<>(value instanceof Collection<?> ? List.of()
							: violations(value).stream().map(violation -> rooted(root, violation)).toList());
					furtherChecks.orderedStream().forEach(checks -> more.addAll(checks.problemsOf(value)));
					more.stream()
						.filter(other -> problems.stream()
							.noneMatch(problem -> isWithin(other.field(), problem.field())))
						.distinct()
						.forEach(problems::add);
				}
				break;
			}
			catch (JacksonException ex) {
				problems.add(rooted(root, problemOf(ex)));
				if (readable == body) {
					// the caller's body stays as it came; only a bad one is copied
					readable = body.deepCopy();
				}
				if (!leaveOut(readable, ex.getPath())) {
					break;
				}
			}
		}
		throw new InvalidInput(problems);
	}

	/** Bodies with more bad fields than this are told about the first ones. */
	private static final int MAX_PROBLEMS = 50;

	private static boolean isWithin(String field, String other) {
		return field.equals(other) || field.startsWith(other + ".") || field.startsWith(other + "[");
	}

	/** The problem with its field's path from the body's root name. */
	private static FieldProblem rooted(String root, FieldProblem problem) {
		String field = problem.field();
		if (root.isEmpty()) {
			return problem;
		}
		return new FieldProblem(field.isEmpty() ? root : field.startsWith("[") ? root + field : root + "." + field,
				problem.message());
	}

	/**
	 * Takes the value at {@code path} out of the body, so that the rest can be read: a
	 * field is removed, a list element becomes null (the elements after it keep their
	 * places). False when there is no such value.
	 */
	private static boolean leaveOut(JsonNode body, List<JacksonException.Reference> path) {
		if (path.isEmpty()) {
			return false;
		}
		JsonNode parent = body;
		for (JacksonException.Reference step : path.subList(0, path.size() - 1)) {
			parent = step.getPropertyName() != null ? parent.get(step.getPropertyName()) : parent.get(step.getIndex());
			if (parent == null) {
				return false;
			}
		}
		JacksonException.Reference last = path.get(path.size() - 1);
		if (last.getPropertyName() != null && parent instanceof ObjectNode object
				&& object.has(last.getPropertyName())) {
			object.remove(last.getPropertyName());
			return true;
		}
		if (last.getPropertyName() == null && parent instanceof ArrayNode array && last.getIndex() >= 0
				&& last.getIndex() < array.size() && !array.get(last.getIndex()).isNull()) {
			array.set(last.getIndex(), array.nullNode());
			return true;
		}
		return false;
	}

	/** Names the field a JSON binding error is about, and says what it expected. */
	public static FieldProblem problemOf(JacksonException ex) {
		String field = pathOf(ex.getPath());
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return new FieldProblem(field, "is not a field of this resource (or cannot be written); known fields: "
					+ String.join(", ", knownFields(unknown)));
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
				&& !field.isEmpty()) {
			return new FieldProblem(field, expected(mismatched.getTargetType()));
		}
		if (field.isEmpty()) {
			return new FieldProblem("", "the body is not valid JSON for this resource");
		}
		return new FieldProblem(field, "has the wrong type or format");
	}

	/** What a value of the type looks like, as a problem's message. */
	private static String expected(Class<?> type) {
		if (type.isEnum()) {
			return "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		if (Temporal.class.isAssignableFrom(type) && type != LocalDate.class) {
			return "must be an instant in ISO 8601 form, such as 2024-10-16T09:00:00Z";
		}
		if (type == LocalDate.class) {
			return "must be a date in ISO 8601 form, such as 2024-10-16";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "must be a whole number";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be an array";
		}
		return "must be an object";
	}

	/**
	 * The fields a client may write to the class an unknown field was sent to: the
	 * components of a record, with those of an unwrapped one in its place.
	 */
	private static List<String> knownFields(UnrecognizedPropertyException unknown) {
		Class<?> type = unknown.getReferringClass();
		if (type == null || !type.isRecord()) {
			return unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
		}
		return JsonFields.of(type).stream().map(RecordComponent::getName).toList();
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
