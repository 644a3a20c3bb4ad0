package org.pressdesk.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON request bodies read so that a client learns every problem of its body in one
 * answer ({@link RequestBodies#read}), not only the first one Jackson meets. A body that
 * is a list takes its field paths from its parameter's name ({@code contacts[1].role}),
 * as the same list inside an object would.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodies {

	/** A read hint: the name a list body has in field paths. */
	private static final String ROOT = JsonBodies.class.getName() + ".root";

	/** After Spring Boot's customizer, which sets the default JSON converter. */
	@Bean
	@Order(1)
	ServerHttpMessageConvertersCustomizer everyProblemOfABody(JsonMapper mapper, RequestBodies bodies) {
		return converters -> converters.withJsonConverter(new EveryProblemAtOnce(mapper, bodies));
	}

	private static final class EveryProblemAtOnce extends JacksonJsonHttpMessageConverter {

		private final RequestBodies bodies;

		EveryProblemAtOnce(JsonMapper mapper, RequestBodies bodies) {
			super(mapper);
			this.bodies = bodies;
		}

		@Override
		public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
			if (JsonNode.class.isAssignableFrom(type.toClass())) {
				return super.read(type, input, hints);
			}
			JsonNode body = (JsonNode) super.read(ResolvableType.forClass(JsonNode.class), input, hints);
			Object root = hints == null ? null : hints.get(ROOT);
			return bodies.read(body, getMapper().constructType(type.getType()), root == null ? "" : root.toString());
		}

	}

	/** Names a list body after its parameter, for field paths. */
	@ControllerAdvice
	static class ListBodyNames extends RequestBodyAdviceAdapter {

		@Override
		public boolean supports(MethodParameter parameter, Type type,
				Class<? extends org.springframework.http.converter.HttpMessageConverter<?>> converter) {
			return Collection.class.isAssignableFrom(parameter.getParameterType());
		}

		@Override
		public Map<String, Object> determineReadHints(MethodParameter parameter, Type type,
				Class<? extends SmartHttpMessageConverter<?>> converter) {
			String name = parameter.getParameterName();
			return name == null ? Map.of() : Map.of(ROOT, name);
		}

	}

}
