/**
 * A small fictional directory loaded into an empty embedded database, so a newcomer sees
 * something.
 */
package org.pressdesk.demo;
