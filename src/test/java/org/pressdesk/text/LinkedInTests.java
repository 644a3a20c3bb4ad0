package org.pressdesk.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.pressdesk.system.InvalidInput;

class LinkedInTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://www.linkedin.com/in/jane-example", "http://linkedin.com/in/jane-example/",
			"uk.linkedin.com/in/Jane-Example", "www.linkedin.com/in/jane-example?trk=public_profile",
			" https://www.linkedin.com/in/jane-example/#about " })
	void canonicalisesTheUsualFormsOfAProfile(String written) {
		assertThat(LinkedIn.profile(written, "linkedinUrl")).isEqualTo("https://www.linkedin.com/in/jane-example");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://www.example.com/in/jane", "https://www.linkedin.com/company/example",
			"https://www.linkedin.com/in/", "https://www.linkedin.com/in/jane/details/experience",
			"javascript:alert(1)", "https://evil.com/?x=linkedin.com/in/jane", "https://linkedin.com.evil.com/in/jane",
			"ftp://www.linkedin.com/in/jane" })
	void refusesWhatIsNotAProfile(String written) {
		assertThatThrownBy(() -> LinkedIn.profile(written, "linkedinUrl")).isInstanceOf(InvalidInput.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://www.linkedin.com/company/example-university/",
			"linkedin.com/school/Example-University" })
	void acceptsPagesForOrganisations(String written) {
		assertThat(LinkedIn.page(written, "linkedinUrl")).startsWith("https://www.linkedin.com/")
			.endsWith("/example-university");
	}

}
