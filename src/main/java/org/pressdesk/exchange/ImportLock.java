package org.pressdesk.exchange;

import static org.pressdesk.db.Tables.IMPORT_LOCK;

import org.jooq.DSLContext;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Imports run one after another, on every instance: each matches its cards against what
 * the one before it wrote, so that two files naming the same new person or organisation
 * never both create it. The lock is a row lock held until the import's transaction ends.
 */
@Component
class ImportLock {

	private final DSLContext dsl;

	ImportLock(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Waits for a running import to finish (the database's lock wait timeout at most);
	 * must be called in the import's transaction.
	 * @throws PessimisticLockingFailureException when the wait is over
	 */
	void acquire() {
		dsl.selectOne().from(IMPORT_LOCK).where(IMPORT_LOCK.NAME.eq("imports")).forUpdate().fetch();
	}

}
