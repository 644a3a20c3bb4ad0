// A CMS's first program against Pressdesk, written with a client generated from the served
// description (openapi-typescript + openapi-fetch): it must type-check against the generated
// types, and then run against the live service. web/ApiDescriptionTests compiles and runs it.
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type Problem = components["schemas"]["Problem"];

// A merge patch names the person's writable fields, each optional, null clearing one; it is not
// a JSON tree type (the description once typed it as Jackson's JsonNode: {nodeType?: …}).
type PersonPatch = NonNullable<paths["/api/v1/people/{id}"]["patch"]["requestBody"]>["content"]["application/merge-patch+json"];
const clearsNotes: PersonPatch = { notes: null };
// @ts-expect-error: not a field of a person
const notAField: PersonPatch = { nodeType: "OBJECT" };

const tag = process.env.PRESSDESK_TAG ?? "client";
const api = createClient<paths>({
  baseUrl: process.env.PRESSDESK_URL,
  headers: { Authorization: "Bearer " + process.env.PRESSDESK_KEY },
});

function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error("the service and its description disagree: " + what);
  }
}

async function main(): Promise<void> {
  const created = await api.POST("/api/v1/people", {
    body: {
      givenName: "Ada",
      familyName: "Client " + tag,
      emails: [{ value: `ada.${tag}@example.org`, visibility: "PUBLIC" }],
    },
  });
  check(created.response.status === 201 && created.data !== undefined, "createPerson answers 201 with the person");
  const person = created.data;
  const firstVersion = created.response.headers.get("ETag");
  check(firstVersion !== null, "createPerson sends the ETag");
  check(created.response.headers.get("Location") === `/api/v1/people/${person.id}`, "createPerson sends Location");

  const patched = await api.PATCH("/api/v1/people/{id}", {
    params: { path: { id: person.id }, header: { "If-Match": firstVersion } },
    body: { pronouns: "she/her", ...clearsNotes },
  });
  check(patched.response.status === 200 && patched.data?.pronouns === "she/her", "patchPerson applies the patch");

  const stale = await api.PATCH("/api/v1/people/{id}", {
    params: { path: { id: person.id }, header: { "If-Match": firstVersion } },
    body: { notes: "written over a newer version" },
  });
  const staleProblem: Problem | undefined = stale.error;
  check(stale.response.status === 412, "a stale If-Match is refused with 412");
  check(staleProblem?.type === "urn:pressdesk:problem:stale-version", "the 412 is a stale-version problem");

  const invalid = await api.POST("/api/v1/people", {
    body: { familyName: "Invalid " + tag, emails: [{ value: "not an address" }] },
  });
  const invalidProblem: Problem | undefined = invalid.error;
  check(invalid.response.status === 400, "an invalid person is refused with 400");
  check(invalidProblem?.errors?.some((error) => error.field === "emails[0].value") === true,
    "the 400 names the bad field");

  const published = await api.PUT("/api/v1/articles/by-ref/{externalRef}", {
    params: { path: { externalRef: "client-check-" + tag } },
    body: {
      title: "A client's first article " + tag,
      status: "PUBLISHED",
      contacts: [{ personId: person.id, role: "PRESS_CONTACT" }],
    },
  });
  check(published.response.status === 201, "the first upsertArticleByRef creates the article");
  check(published.data?.status === "PUBLISHED", "it is published");
  check(published.data?.contacts[0]?.personId === person.id, "with its contact block, in the same call");

  const again = await api.PUT("/api/v1/articles/by-ref/{externalRef}", {
    params: { path: { externalRef: "client-check-" + tag } },
    body: {
      title: "A client's first article " + tag,
      status: "PUBLISHED",
      contacts: [{ personId: person.id, role: "PRESS_CONTACT" }],
    },
  });
  check(again.response.status === 200 && again.data?.version === published.data?.version,
    "the same upsert again changes nothing, not even the version");

  const page = await api.GET("/api/v1/people", { params: { query: { q: "Client " + tag, limit: 5 } } });
  check(page.response.status === 200 && page.data?.items.some((found) => found.id === person.id) === true,
    "searchPeople finds the person");
}

void notAField;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
