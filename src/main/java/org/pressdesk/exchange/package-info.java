/**
 * Contacts in and out of the directory as files: a person as every address book reads
 * them (vCard 3.0, 4.0 and Outlook's), bulk exports as vCard or CSV, and imports of
 * either.
 */
package org.pressdesk.exchange;
