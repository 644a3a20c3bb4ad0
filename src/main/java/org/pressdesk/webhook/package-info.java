/**
 * Change events pushed to other services as Standard Webhooks 1.0: endpoints, their
 * signing secrets, and deliveries at least once, claimed by one instance at a time.
 */
package org.pressdesk.webhook;
