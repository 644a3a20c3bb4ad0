/**
 * What every HTTP answer shares: problem details (and error pages for browsers), the 503
 * while the database is away, ETags, merge patches, cursor pages, client addresses behind
 * proxies and the request-body cap.
 */
package org.pressdesk.web;
