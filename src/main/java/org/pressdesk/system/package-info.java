/**
 * What every feature shares: settings, the embedded database, error responses, ids, ETags, merge
 * patches and cursor pagination.
 */
package org.pressdesk.system;
