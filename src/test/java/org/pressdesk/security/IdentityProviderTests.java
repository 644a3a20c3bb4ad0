package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The optional identity provider, with a key set generated here: services with JWT bearer
 * tokens it signed, and staff signing in with OIDC. No provider is contacted: the JWT's
 * public key is a local file, and the OIDC login is followed to the redirect and the user
 * mapping.
 */
class IdentityProviderTests extends ApiTestSupport {

	private static final KeyPair provider = keyPair();

	private static final KeyPair stranger = keyPair();

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
		Path key = Files.createTempFile("idp-public-key", ".pem");
		Files.writeString(key,
				"-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(provider.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		key.toFile().deleteOnExit();
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
		String prefix = "spring.security.oauth2.client.";
		registry.add(prefix + "registration.idp.client-id", () -> "pressdesk");
		registry.add(prefix + "registration.idp.client-secret", () -> "secret");
		registry.add(prefix + "registration.idp.client-name", () -> "Example Identity");
		registry.add(prefix + "registration.idp.scope", () -> "openid,profile");
		registry.add(prefix + "registration.idp.authorization-grant-type", () -> "authorization_code");
		registry.add(prefix + "registration.idp.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
		registry.add(prefix + "provider.idp.authorization-uri", () -> "https://idp.example.org/authorize");
		registry.add(prefix + "provider.idp.token-uri", () -> "https://idp.example.org/token");
		registry.add(prefix + "provider.idp.jwk-set-uri", () -> "https://idp.example.org/jwks");
		registry.add(prefix + "provider.idp.user-name-attribute", () -> "sub");
	}

	@Autowired
	StaffOidcUserService oidcUsers;

	@Autowired
	ClientRegistrationRepository registrations;

	@Test
	void servicesMayUseJwtsFromTheProviderWithTheirScopes() {
		Http cms = bearer(jwt(provider, "cms-service", "people:read articles:read", Instant.now().plusSeconds(300)));
		assertThat(cms.get("/api/v1/people?limit=1").status()).isEqualTo(200);
		assertThat(cms.get("/api/v1/articles?limit=1").status()).isEqualTo(200);
		assertThat(cms.post("/api/v1/people", "{\"familyName\": \"X\"}").status()).isEqualTo(403);
		assertThat(cms.get("/api/v1/users").status()).isEqualTo(403);

		assertThat(bearer(jwt(provider, "cms-service", "people:read", Instant.now().minusSeconds(120)))
			.get("/api/v1/people?limit=1")
			.status()).as("expired").isEqualTo(401);
		assertThat(bearer(jwt(stranger, "cms-service", "people:read", Instant.now().plusSeconds(300)))
			.get("/api/v1/people?limit=1")
			.status()).as("signed by another key").isEqualTo(401);

		String key = admin
			.post("/api/v1/api-clients", "{\"name\": \"" + unique("key") + "\", \"scopes\": [\"people:read\"]}")
			.text("$.key");
		assertThat(bearer(key).get("/api/v1/people?limit=1").status()).as("API keys still work").isEqualTo(200);
	}

	@Test
	void staffSeeTheProviderOnTheLoginPageAndAreSentThere() {
		Browser browser = new Browser(port);
		assertThat(browser.get("/login").body()).contains("href=\"/oauth2/authorization/idp\"",
				"Sign in with Example Identity");
		var redirect = browser.get("/oauth2/authorization/idp");
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location").orElseThrow())
			.startsWith("https://idp.example.org/authorize?")
			.contains("response_type=code", "client_id=pressdesk", "scope=openid%20profile", "state=", "nonce=");
	}

	@Test
	void theProviderSaysWhoSomeoneIsAndPressdeskWhatTheyMayDo() {
		String username = unique("oidc").toLowerCase();
		admin.post("/api/v1/users",
				Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD, "role", "EDITOR")));

		var user = oidcUsers.loadUser(request(username));
		assertThat(user.getName()).isEqualTo(username);
		assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EDITOR");

		assertThatThrownBy(() -> oidcUsers.loadUser(request("someone-unknown")))
			.isInstanceOf(OAuth2AuthenticationException.class);
		admin.patch("/api/v1/users/" + userId(username), "{\"enabled\": false}");
		assertThatThrownBy(() -> oidcUsers.loadUser(request(username))).as("disabled in Pressdesk")
			.isInstanceOf(OAuth2AuthenticationException.class);
	}

	private OidcUserRequest request(String preferredUsername) {
		Instant now = Instant.now();
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
			.subject("subject-" + preferredUsername)
			.issuer("https://idp.example.org")
			.audience(List.of("pressdesk"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.claim("preferred_username", preferredUsername)
			.build();
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now,
				now.plusSeconds(300));
		return new OidcUserRequest(registrations.findByRegistrationId("idp"), access, idToken);
	}

	private Http bearer(String token) {
		return new Http(anonymous.base(), "Bearer " + token);
	}

	private static String jwt(KeyPair key, String subject, String scope, Instant expires) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
					new JWTClaimsSet.Builder().subject(subject)
						.claim("scope", scope)
						.issueTime(Date.from(Instant.now().minusSeconds(600)))
						.expirationTime(Date.from(expires))
						.build());
			jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
