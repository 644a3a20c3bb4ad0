/**
 * The change log: what changed (subject, id, kind), written in the transaction of each
 * change and followed in order by every instance's derived views (the search index).
 */
package org.pressdesk.changes;
