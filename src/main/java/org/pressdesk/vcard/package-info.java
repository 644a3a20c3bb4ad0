/**
 * vCards: a person as every address book reads them, bulk export (vCard, CSV), and
 * imports.
 */
package org.pressdesk.vcard;
