package org.pressdesk.security;

import static org.pressdesk.db.Tables.API_CLIENT;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;

import org.pressdesk.system.NotFound;

import org.springframework.stereotype.Repository;

@Repository
class ApiClientRepository {

	private final DSLContext db;

	private final RecentlyReadAccounts recentlyRead;

	ApiClientRepository(DSLContext db, RecentlyReadAccounts recentlyRead) {
		this.db = db;
		this.recentlyRead = recentlyRead;
	}

	/**
	 * What authenticating a key needs: the stored hash of its secret, and whether it may
	 * be used.
	 */
	record StoredKey(String clientId, String name, List<String> scopes, String secretHash, Instant expiresAt,
			Instant revokedAt) {
	}

	Optional<StoredKey> findKey(String keyId) {
		return db
			.select(API_CLIENT.ID, API_CLIENT.NAME, API_CLIENT.SCOPES, API_CLIENT.SECRET_HASH, API_CLIENT.EXPIRES_AT,
					API_CLIENT.REVOKED_AT)
			.from(API_CLIENT)
			.where(API_CLIENT.KEY_ID.eq(keyId))
			.fetchOptional(r -> new StoredKey(r.get(API_CLIENT.ID), r.get(API_CLIENT.NAME), scopes(r),
					r.get(API_CLIENT.SECRET_HASH), r.get(API_CLIENT.EXPIRES_AT), r.get(API_CLIENT.REVOKED_AT)));
	}

	/** The API client, or {@link NotFound}. */
	ApiClient get(String id) {
		return find(id).orElseThrow(() -> new NotFound("API client", id));
	}

	Optional<ApiClient> find(String id) {
		return db.selectFrom(API_CLIENT).where(API_CLIENT.ID.eq(id)).fetchOptional(ApiClientRepository::toClient);
	}

	List<ApiClient> list() {
		return db.selectFrom(API_CLIENT).orderBy(API_CLIENT.NAME, API_CLIENT.ID).fetch(ApiClientRepository::toClient);
	}

	void insert(String id, String name, List<String> scopes, Instant expiresAt, String keyId, String secretHash,
			Instant now) {
		db.insertInto(API_CLIENT)
			.set(API_CLIENT.ID, id)
			.set(API_CLIENT.NAME, name)
			.set(API_CLIENT.SCOPES, String.join(" ", scopes))
			.set(API_CLIENT.KEY_ID, keyId)
			.set(API_CLIENT.SECRET_HASH, secretHash)
			.set(API_CLIENT.CREATED_AT, now)
			.set(API_CLIENT.KEY_ISSUED_AT, now)
			.set(API_CLIENT.EXPIRES_AT, expiresAt)
			.set(API_CLIENT.VERSION, 1)
			.execute();
	}

	/** A new key for the client; the old one stops working with this statement. */
	boolean replaceKey(String id, String keyId, String secretHash, Instant now) {
		recentlyRead.forgetAfterCommit();
		return db.update(API_CLIENT)
			.set(API_CLIENT.KEY_ID, keyId)
			.set(API_CLIENT.SECRET_HASH, secretHash)
			.set(API_CLIENT.KEY_ISSUED_AT, now)
			.set(API_CLIENT.VERSION, API_CLIENT.VERSION.plus(1))
			.where(API_CLIENT.ID.eq(id))
			.and(API_CLIENT.REVOKED_AT.isNull())
			.execute() == 1;
	}

	boolean revoke(String id, Instant now) {
		recentlyRead.forgetAfterCommit();
		return db.update(API_CLIENT)
			.set(API_CLIENT.REVOKED_AT, now)
			.set(API_CLIENT.VERSION, API_CLIENT.VERSION.plus(1))
			.where(API_CLIENT.ID.eq(id))
			.and(API_CLIENT.REVOKED_AT.isNull())
			.execute() == 1;
	}

	void markUsed(String id, Instant now) {
		db.update(API_CLIENT).set(API_CLIENT.LAST_USED_AT, now).where(API_CLIENT.ID.eq(id)).execute();
	}

	private static List<String> scopes(Record r) {
		return Arrays.asList(r.get(API_CLIENT.SCOPES).split(" "));
	}

	private static ApiClient toClient(Record r) {
		return new ApiClient(r.get(API_CLIENT.ID), r.get(API_CLIENT.NAME), scopes(r),
				ApiKeys.PREFIX + r.get(API_CLIENT.KEY_ID), r.get(API_CLIENT.CREATED_AT), r.get(API_CLIENT.EXPIRES_AT),
				r.get(API_CLIENT.REVOKED_AT), r.get(API_CLIENT.LAST_USED_AT), r.get(API_CLIENT.KEY_ISSUED_AT),
				r.get(API_CLIENT.VERSION), null);
	}

}
