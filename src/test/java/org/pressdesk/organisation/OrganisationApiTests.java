package org.pressdesk.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

class OrganisationApiTests extends ApiTestSupport {

	@Test
	void createsReadsUpdatesAndDeletesAnOrganisation() {
		String name = unique("University of ");
		Response created = editor.post("/api/v1/organisations",
				Http.toJson(Map.of("name", name, "shortName", "UoX", "kind", "UNIVERSITY", "country", "gb", "website",
						"www.example.ac.uk", "linkedinUrl", "linkedin.com/company/Example-University/")));

		assertThat(created.status()).isEqualTo(201);
		JsonNode organisation = created.json();
		String id = organisation.get("id").asString();
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(organisation.get("country").asString()).isEqualTo("GB");
		assertThat(organisation.get("website").asString()).isEqualTo("https://www.example.ac.uk");
		assertThat(organisation.get("linkedinUrl").asString())
			.isEqualTo("https://www.linkedin.com/company/example-university");
		assertThat(viewer.get("/api/v1/organisations/" + id).json()).isEqualTo(organisation);

		Response patched = editor.patch("/api/v1/organisations/" + id, "{\"shortName\": null, \"kind\": \"RESEARCH\"}",
				"If-Match", "\"1\"");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("shortName").isNull()).isTrue();
		assertThat(patched.text("$.kind")).isEqualTo("RESEARCH");
		assertThat(patched.text("$.name")).isEqualTo(name);
		assertThat(editor.patch("/api/v1/organisations/" + id, "{\"name\": \"x\"}", "If-Match", "\"1\"").status())
			.isEqualTo(412);

		assertThat(editor.delete("/api/v1/organisations/" + id, "If-Match", "\"2\"").status()).isEqualTo(204);
		assertThat(viewer.get("/api/v1/organisations/" + id).status()).isEqualTo(404);
	}

	@Test
	void namesEachBadField() {
		Response response = editor.post("/api/v1/organisations", Http.toJson(Map.of("name", " ", "country", "Britain",
				"website", "not a site", "linkedinUrl", "https://www.linkedin.com/in/a-person", "kind", "PLANET")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).as("all at once")
			.containsExactlyInAnyOrder("kind", "name", "country", "website", "linkedinUrl");
		Response second = editor.post("/api/v1/organisations", Http.toJson(Map.of("name", " ", "country", "Britain")));
		assertThat(second.errorFields()).containsExactlyInAnyOrder("name", "country");
		Response third = editor.post("/api/v1/organisations", Http.toJson(Map.of("name", "Fine", "country", "Britain",
				"website", "not a site", "linkedinUrl", "https://www.linkedin.com/in/a-person")));
		assertThat(third.errorFields()).containsExactlyInAnyOrder("country", "website", "linkedinUrl");
	}

	@Test
	void formsATreeAndRefusesCycles() {
		String top = create(unique("Top "), null);
		String middle = create(unique("Middle "), top);
		String bottom = create(unique("Bottom "), middle);

		Response underItsOwnChild = editor.patch("/api/v1/organisations/" + top, "{\"parentId\": \"" + bottom + "\"}");
		Response underItself = editor.patch("/api/v1/organisations/" + middle, "{\"parentId\": \"" + middle + "\"}");
		Response underNothing = editor.patch("/api/v1/organisations/" + middle, "{\"parentId\": \"no-such-id\"}");

		assertThat(underItsOwnChild.status()).isEqualTo(409);
		assertThat(underItsOwnChild.text("$.detail")).contains("cycle");
		assertThat(underItself.status()).isEqualTo(409);
		assertThat(underNothing.status()).isEqualTo(400);
		assertThat(underNothing.errorFields()).containsExactly("parentId");
		assertThat(viewer.get("/api/v1/organisations/" + top).json().get("parentId").isNull()).isTrue();

		assertThat(editor.patch("/api/v1/organisations/" + bottom, "{\"parentId\": \"" + top + "\"}").status())
			.isEqualTo(200);
		assertThat(viewer.get("/api/v1/organisations?parent=" + top).json().get("items")).hasSize(2);
		Response deleteParent = editor.delete("/api/v1/organisations/" + top);
		assertThat(deleteParent.status()).isEqualTo(409);
	}

	@Test
	void refusesToDeleteAnOrganisationWithPeopleOnRecord() {
		String organisation = create(unique("Employer "), null);
		String person = editor.post("/api/v1/people", "{\"familyName\": \"Example\"}").text("$.id");
		editor.post("/api/v1/people/" + person + "/affiliations", "{\"organisationId\": \"" + organisation + "\"}");

		Response response = editor.delete("/api/v1/organisations/" + organisation);

		assertThat(response.status()).isEqualTo(409);
		assertThat(viewer.get("/api/v1/organisations/" + organisation).status()).isEqualTo(200);
	}

	@Test
	void searchesNamesAccentAndCaseInsensitively() {
		String tag = unique("");
		String id = create("Université Côte " + tag, null);
		create("Other " + tag, null);

		JsonNode page = viewer.get("/api/v1/organisations?q=" + Http.query("UNIVERSITE COTE " + tag)).json();

		assertThat(page.get("items").valueStream().map(o -> o.get("id").asString())).containsExactly(id);
		assertThat(viewer.get("/api/v1/organisations?q=" + tag + "&limit=1").json().get("next").isNull()).isFalse();
	}

	private String create(String name, String parentId) {
		var body = new java.util.HashMap<String, Object>(Map.of("name", name));
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		Response response = editor.post("/api/v1/organisations", Http.toJson(body));
		assertThat(response.status()).isEqualTo(201);
		return response.text("$.id");
	}

}
