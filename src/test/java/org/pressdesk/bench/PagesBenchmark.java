package org.pressdesk.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pressdesk.Browser;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the staff pages render on the benchmark directory ({@link BenchDirectory}): a
 * signed-in session asks for each page {@code bench.requests} times (default 50) and the
 * median and p99 of the full response are printed. Not a test.
 */
public final class PagesBenchmark {

	private static final int REQUESTS = Integer.getInteger("bench.requests", 50);

	private PagesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext service = BenchDirectory.start()) {
			Browser browser = new Browser(BenchDirectory.port(service));
			browser.login("admin", BenchDirectory.PASSWORD);
			String results = browser.get("/people/results?q=smith").body();
			String person = first(results, "/people/([0-9a-f-]{36})\"");
			String organisation = first(browser.get("/organisations?q=university").body(),
					"/organisations/([0-9a-f-]{36})\"");
			String affiliation = first(browser.get("/people/" + person).body(), "/affiliations/([0-9a-f-]{36})/edit\"");
			String organisationName = first(browser.get("/organisations/" + organisation).body(), "<h1>([^<]+)</h1>");
			Map<String, String> pages = new LinkedHashMap<>();
			pages.put("home page (recent changes and articles)", "/");
			pages.put("search page, q=smith", "/?q=smith");
			pages.put("results as you type, q=jane lop", "/people/results?q=jane+lop");
			pages.put("person", "/people/" + person);
			pages.put("edit person", "/people/" + person + "/edit");
			pages.put("new person", "/people/new");
			pages.put("edit affiliation", "/people/" + person + "/affiliations/" + affiliation + "/edit");
			pages.put("organisation with its people", "/organisations/" + organisation);
			pages.put("organisation suggestions, q=univ", "/organisations/names?q=univ");
			pages.put("results in an organisation (by name)",
					"/people/results?q=a&organisation=" + URLEncoder.encode(organisationName, StandardCharsets.UTF_8));
			pages.put("articles", "/articles");
			pages.put("audit trail", "/admin/audit");
			System.out.printf("%nStaff pages on %s, %d requests each (ms, median / p99):%n", "the benchmark directory",
					REQUESTS);
			for (var page : pages.entrySet()) {
				long[] times = new long[REQUESTS];
				int status = 0;
				for (int i = 0; i < REQUESTS; i++) {
					long started = System.nanoTime();
					HttpResponse<String> response = browser.get(page.getValue());
					times[i] = System.nanoTime() - started;
					status = response.statusCode();
				}
				Arrays.sort(times);
				System.out.printf("  %-38s %6.1f / %6.1f  (HTTP %d)%n", page.getKey(), times[REQUESTS / 2] / 1e6,
						times[(int) (REQUESTS * 0.99)] / 1e6, status);
			}
		}
	}

	private static String first(String html, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("nothing matching " + pattern);
		}
		return matcher.group(1);
	}

}
