package org.pressdesk.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.NonNull;

import org.springframework.stereotype.Component;

/**
 * What a generated client must know about the fields of an answer that the Java types do
 * not say, noted on each record's schema for {@link ApiDescription}: every field is
 * present, null when it has no value, except those Jackson leaves out when null
 * ({@code @JsonInclude(NON_NULL)}); and a field may be null unless it is a number, a
 * boolean, a list, or marked {@link NonNull}.
 */
@Component
class AnswerFields implements ModelConverter {

	/** The fields left out when null. */
	static final String ABSENT_WHEN_NULL = "x-absent-when-null";

	/** The fields that are never null. */
	static final String NEVER_NULL = "x-never-null";

	@Override
	public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		Class<?> raw = Json31.mapper().constructType(type.getType()).getRawClass();
		if (schema == null || !raw.isRecord()) {
			return schema;
		}
		Schema<?> model = schema.get$ref() == null ? schema
				: context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
		if (model != null && model.getProperties() != null) {
			Set<String> absentWhenNull = new LinkedHashSet<>();
			Set<String> neverNull = new LinkedHashSet<>();
			note(raw, absentWhenNull, neverNull);
			model.addExtension(ABSENT_WHEN_NULL, List.copyOf(absentWhenNull));
			model.addExtension(NEVER_NULL, List.copyOf(neverNull));
		}
		return schema;
	}

	private static void note(Class<?> record, Set<String> absentWhenNull, Set<String> neverNull) {
		boolean allAbsentWhenNull = leftOutWhenNull(record.getAnnotation(JsonInclude.class));
		for (RecordComponent component : JsonFields.of(record)) {
			Class<?> type = component.getType();
			if (type.isPrimitive() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
					|| component.getAnnotatedType().isAnnotationPresent(NonNull.class)) {
				neverNull.add(component.getName());
			}
			else if (allAbsentWhenNull || leftOutWhenNull(component.getAccessor().getAnnotation(JsonInclude.class))) {
				absentWhenNull.add(component.getName());
			}
		}
	}

	private static boolean leftOutWhenNull(JsonInclude include) {
		return include != null && include.value() == JsonInclude.Include.NON_NULL;
	}

	@Override
	public boolean isOpenapi31() {
		return true;
	}

}
