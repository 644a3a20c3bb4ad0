/**
 * Who may do what: staff users and their roles, the filter chains, the bootstrap admin.
 */
package org.pressdesk.security;
