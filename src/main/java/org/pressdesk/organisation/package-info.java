/**
 * Organisations and their tree (a university and its institutes, a government and its
 * embassies).
 */
package org.pressdesk.organisation;
