package org.pressdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OctetFoldingWriterTests {

	@Test
	void foldsAt75OctetsNeverInsideACharacterAndUnfoldsToTheSameText() throws IOException {
		String line = "FN:" + "Ø".repeat(30) + "山".repeat(30) + "😀".repeat(20) + "x".repeat(40);
		StringWriter out = new StringWriter();
		try (OctetFoldingWriter writer = new OctetFoldingWriter(out)) {
			// in pieces that split the surrogate pairs between writes
			for (int i = 0; i < line.length(); i += 7) {
				writer.write(line, i, Math.min(7, line.length() - i));
			}
			writer.write("\r\nEND:VCARD\r\n");
		}

		String folded = out.toString();
		for (String physical : folded.split("\r\n")) {
			assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
			assertThat(physical.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).as(physical).isTrue();
		}
		assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\nEND:VCARD\r\n");
	}

}
