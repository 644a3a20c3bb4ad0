/** People, their contact points, topics and affiliations, and searching them. */
package org.pressdesk.person;
