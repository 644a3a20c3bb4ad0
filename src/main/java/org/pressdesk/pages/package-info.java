/**
 * The staff web pages: server-rendered views that bring people, organisations, articles
 * and the audit trail together.
 */
package org.pressdesk.pages;
