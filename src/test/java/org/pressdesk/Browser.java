package org.pressdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * A browser without a screen, for tests of login and sessions over HTTP: keeps cookies,
 * does not follow redirects, asks for HTML, fills in forms with their CSRF token.
 */
public final class Browser {

	private final int port;

	private final CookieManager cookies;

	private final HttpClient client;

	public Browser(int port) {
		this(port, new CookieManager());
	}

	private Browser(int port, CookieManager cookies) {
		this.port = port;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * The same browser, with its cookies, talking to another instance under the same host
	 * name (as behind a load balancer).
	 */
	public Browser at(int otherPort) {
		return new Browser(otherPort, cookies);
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").GET());
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The CSRF token of the form on a page. */
	public String csrf(String path) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(path).body());
		assertThat(token.find()).as("a CSRF token on " + path).isTrue();
		return token.group(1);
	}

	public String session() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("PRESSDESK_SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public HttpResponse<String> login(String username, String password) {
		return post("/login", Map.of("username", username, "password", password, "_csrf", csrf("/login")));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every input of the page's forms with its value, as a browser would post them
	 * unchanged.
	 */
	public static Map<String, String> formFields(String html) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input[^>]*?name=\"([^\"]+)\"[^>]*?>").matcher(html);
		while (input.find()) {
			String tag = input.group();
			Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
			boolean checkbox = tag.contains("type=\"checkbox\"");
			if (checkbox && !tag.contains("checked")) {
				continue;
			}
			fields.put(input.group(1), value.find() ? unescape(value.group(1)) : "");
		}
		Matcher select = Pattern.compile("<select[^>]*?name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL)
			.matcher(html);
		while (select.find()) {
			Matcher selected = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected").matcher(select.group(2));
			fields.put(select.group(1), selected.find() ? selected.group(1) : "");
		}
		Matcher textarea = Pattern.compile("<textarea[^>]*?name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
			.matcher(html);
		while (textarea.find()) {
			fields.put(textarea.group(1), unescape(textarea.group(2)));
		}
		return fields;
	}

	private static String unescape(String html) {
		return HtmlUtils.htmlUnescape(html);
	}

}
