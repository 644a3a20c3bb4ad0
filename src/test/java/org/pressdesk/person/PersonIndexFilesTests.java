package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.system.PressdeskSettings;

/**
 * The index's files outside the heap: an instance deletes its own when it stops, and at
 * start those an instance killed before stopping left behind, never one in use.
 */
class PersonIndexFilesTests {

	@TempDir
	Path temporary;

	private String temporaryBefore;

	@BeforeEach
	void ownTemporaryDirectory() {
		temporaryBefore = System.getProperty("java.io.tmpdir");
		System.setProperty("java.io.tmpdir", temporary.toString());
	}

	@AfterEach
	void restoreTemporaryDirectory() {
		System.setProperty("java.io.tmpdir", temporaryBefore);
	}

	@Test
	void leftoversOfAKilledInstanceGoButAnIndexInUseStays() throws Exception {
		Path abandoned = Files.createDirectory(temporary.resolve("pressdesk-search-index-killed"));
		Files.writeString(abandoned.resolve("_0.cfs"), "segment");
		Path inUse = Files.createDirectory(temporary.resolve("pressdesk-search-index-running"));
		Path starting = Files.createDirectory(temporary.resolve("pressdesk-search-index-starting"));
		FileTime twoMinutesAgo = FileTime.from(Instant.now().minusSeconds(120));
		Files.setLastModifiedTime(abandoned, twoMinutesAgo);
		try (IndexWriter running = new IndexWriter(FSDirectory.open(inUse), new IndexWriterConfig())) {
			Files.setLastModifiedTime(inUse, twoMinutesAgo);

			PersonIndex index = new PersonIndex(
					new SearchTerms(new PhoneNumbers(new PressdeskSettings(null, "GB", null, ZoneOffset.UTC))),
					(person, organisationNames, today) -> new byte[0], JsonMapper.shared());
			assertThat(abandoned).doesNotExist();
			assertThat(inUse).exists();
			assertThat(starting).as("made in the last minute: maybe an instance about to lock it").exists();
			try (var own = Files.list(temporary)) {
				assertThat(own.filter(p -> !p.equals(inUse) && !p.equals(starting)).toList()).hasSize(1);
			}

			index.destroy();
			try (var left = Files.list(temporary)) {
				assertThat(left.toList()).containsExactlyInAnyOrder(inUse, starting);
			}
		}
	}

}
