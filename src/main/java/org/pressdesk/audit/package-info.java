/**
 * The audit trail: every login, refusal, change, export and import of personal data,
 * append-only.
 */
package org.pressdesk.audit;
