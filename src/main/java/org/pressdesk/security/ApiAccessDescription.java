package org.pressdesk.security;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The API description's part about access: how callers authenticate, and for each
 * operation who may call it, from the same {@link ApiAccess#RULES} the filter chain
 * enforces.
 */
@Component
class ApiAccessDescription implements OpenApiCustomizer {

	private static final String STAFF = "staffBasic";

	private static final String API_KEY = "apiKey";

	private static final String JWT = "jwt";

	@Override
	public void customise(OpenAPI api) {
		api.getComponents()
			.addSecuritySchemes(STAFF,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("A staff user's username and password. Roles: VIEWER reads, EDITOR also writes, "
								+ "ADMIN also manages users, API clients and the audit trail."))
			.addSecuritySchemes(API_KEY,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("pdk_…")
						.description("A service's API key (`Authorization: Bearer pdk_…`), made by an ADMIN with "
								+ "`POST /api/v1/api-clients`; it allows what its scopes allow."))
			.addSecuritySchemes(JWT,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("Where the service is set up with the organisation's identity provider: "
								+ "an access token from it, whose scope claim grants the same scopes as an "
								+ "API key's."));
		api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> ApiAccess.of(HttpMethod.valueOf(method.name()), path)
					.ifPresent(rule -> describe(operation, rule))));
	}

	private static void describe(Operation operation, ApiAccess rule) {
		List<SecurityRequirement> requirements = new ArrayList<>();
		requirements.add(new SecurityRequirement().addList(STAFF));
		if (!rule.scopes().isEmpty()) {
			// the scopes are in the description: OpenAPI lists scopes for OAuth2 schemes
			// only
			requirements.add(new SecurityRequirement().addList(API_KEY));
			requirements.add(new SecurityRequirement().addList(JWT));
		}
		operation.setSecurity(requirements);
		String who = "**Who may call it:** " + rule.inWords() + ".";
		operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
	}

}
