/**
 * What every feature shares: settings, error responses, ids, ETags, merge patches and
 * cursor pagination.
 */
package org.pressdesk.system;
