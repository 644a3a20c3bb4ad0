package org.pressdesk.security;

import static org.jooq.Records.mapping;
import static org.pressdesk.db.Tables.APP_USER;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record8;
import org.jooq.SelectJoinStep;

import org.pressdesk.system.NotFound;

import org.springframework.stereotype.Repository;

/** Reads and writes staff accounts. */
@Repository
class UserRepository {

	private final DSLContext db;

	private final RecentlyReadAccounts recentlyRead;

	UserRepository(DSLContext db, RecentlyReadAccounts recentlyRead) {
		this.db = db;
		this.recentlyRead = recentlyRead;
	}

	Optional<StaffUser> findByUsername(String username) {
		return selectUsers().where(APP_USER.USERNAME.eq(username)).fetchOptional(mapping(StaffUser::new));
	}

	/** The user, or {@link NotFound}. */
	StaffUser get(String id) {
		return findById(id).orElseThrow(() -> new NotFound("user", id));
	}

	Optional<StaffUser> findById(String id) {
		return selectUsers().where(APP_USER.ID.eq(id)).fetchOptional(mapping(StaffUser::new));
	}

	/** The user's row locked until the transaction ends. */
	Optional<StaffUser> lock(String id) {
		return selectUsers().where(APP_USER.ID.eq(id)).forUpdate().fetchOptional(mapping(StaffUser::new));
	}

	/** Enabled ADMINs, locked: the last one may not be demoted or disabled. */
	int lockEnabledAdmins() {
		return db.select(APP_USER.ID)
			.from(APP_USER)
			.where(APP_USER.ROLE.eq(Role.ADMIN))
			.and(APP_USER.ENABLED.isTrue())
			.forUpdate()
			.fetch()
			.size();
	}

	void update(String id, Role role, boolean enabled, String passwordHash, Instant now) {
		recentlyRead.forgetAfterCommit();
		db.update(APP_USER)
			.set(APP_USER.ROLE, role)
			.set(APP_USER.ENABLED, enabled)
			.set(APP_USER.PASSWORD_HASH, passwordHash)
			.set(APP_USER.UPDATED_AT, now)
			.set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
			.where(APP_USER.ID.eq(id))
			.execute();
	}

	List<StaffUser> list() {
		return selectUsers().orderBy(APP_USER.USERNAME).fetch(mapping(StaffUser::new));
	}

	private SelectJoinStep<Record8<String, String, String, Role, Boolean, Instant, Instant, Integer>> selectUsers() {
		return db
			.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.PASSWORD_HASH, APP_USER.ROLE, APP_USER.ENABLED,
					APP_USER.CREATED_AT, APP_USER.UPDATED_AT, APP_USER.VERSION)
			.from(APP_USER);
	}

	boolean any() {
		return db.fetchExists(APP_USER);
	}

	void insert(String id, String username, String passwordHash, Role role, Instant now) {
		db.insertInto(APP_USER)
			.set(APP_USER.ID, id)
			.set(APP_USER.USERNAME, username)
			.set(APP_USER.PASSWORD_HASH, passwordHash)
			.set(APP_USER.ROLE, role)
			.set(APP_USER.ENABLED, true)
			.set(APP_USER.CREATED_AT, now)
			.set(APP_USER.UPDATED_AT, now)
			.set(APP_USER.VERSION, 1)
			.execute();
	}

}
