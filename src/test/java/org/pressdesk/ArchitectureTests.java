package org.pressdesk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The packages directly under {@code org.pressdesk} are the features (Spring Modulith's
 * application modules): no cycles between them, and none reaches into another's internals
 * (its sub-packages, or what it does not make public).
 */
class ArchitectureTests {

	@Test
	void featuresFormNoCyclesAndUseEachOtherOnlyThroughWhatTheyExpose() {
		// the jOOQ classes generated from db/migration are the schema, shared by every
		// repository
		ApplicationModules.of(PressdeskApplication.class, resideInAPackage("org.pressdesk.db..")).verify();
	}

}
