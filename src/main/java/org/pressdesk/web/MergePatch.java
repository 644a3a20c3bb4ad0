package org.pressdesk.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396): objects merge member by member, null removes, anything
 * else replaces.
 */
public final class MergePatch {

	public static final String MEDIA_TYPE = "application/merge-patch+json";

	private MergePatch() {
	}

	/**
	 * On a merge-patch body parameter: the input record whose writable fields the patch
	 * may name (what the API description shows as the body).
	 */
	@Target(ElementType.PARAMETER)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface Of {

		Class<?> value();

	}

	public static JsonNode apply(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
				: ((ObjectNode) patch).objectNode();
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			if (member.getValue().isNull()) {
				result.remove(member.getKey());
			}
			else {
				result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
			}
		}
		return result;
	}

}
