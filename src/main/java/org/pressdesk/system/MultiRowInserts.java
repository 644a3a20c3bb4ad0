package org.pressdesk.system;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Many rows of a table written with one INSERT per {@value #ROWS_PER_STATEMENT} rows: a
 * bulk write (an import) costs a few statements, not a few per row.
 */
public final class MultiRowInserts {

	private static final int ROWS_PER_STATEMENT = 1000;

	private MultiRowInserts() {
	}

	/**
	 * Every row must set the same columns. (A multi-row INSERT rendered by jOOQ measured
	 * faster than jOOQ's batchInsert with Connector/J's rewriteBatchedStatements.)
	 */
	public static <R extends TableRecord<R>> void insert(DSLContext db, Table<R> table, List<R> rows) {
		for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
			List<R> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
			var insert = db.insertInto(table).set(chunk.get(0));
			for (R row : chunk.subList(1, chunk.size())) {
				insert = insert.newRecord().set(row);
			}
			insert.execute();
		}
	}

}
