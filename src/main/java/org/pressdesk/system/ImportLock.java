package org.pressdesk.system;

import static org.pressdesk.db.Tables.IMPORT_LOCK;

import org.jooq.DSLContext;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Imports run one after another, on every instance, and never beside a create: each
 * import matches its cards against what was written before it, so that two files — or a
 * file and a person or organisation created through the API or the pages — never both
 * create the same person or organisation. It is one row, locked until the transaction
 * ends: exclusively by an import, shared by a create (creates do not wait for each
 * other).
 */
@Component
public class ImportLock {

	private static final String ROW = "imports";

	private final DSLContext dsl;

	ImportLock(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Waits for a running import and for creates in flight to finish (the database's lock
	 * wait timeout at most); must be called in the import's transaction, before it reads
	 * what it matches against.
	 * @throws PessimisticLockingFailureException when the wait is over
	 */
	public void forImport() {
		dsl.selectOne().from(IMPORT_LOCK).where(IMPORT_LOCK.NAME.eq(ROW)).forUpdate().fetch();
	}

	/**
	 * Waits for a running import to finish; must be called in a create's transaction,
	 * before it writes.
	 * @throws Conflict when the wait is over
	 */
	public void forCreate() {
		try {
			// jOOQ renders forShare() as FOR SHARE, which MariaDB does not know; MariaDB
			// and MySQL 8 both know LOCK IN SHARE MODE
			dsl.resultQuery("select 1 from import_lock where name = ? lock in share mode", ROW).fetch();
		}
		catch (PessimisticLockingFailureException ex) {
			throw new Conflict("An import has been running for too long to wait for: people and organisations are "
					+ "created after it, so that it never creates them a second time. Try again when it has finished.");
		}
	}

}
