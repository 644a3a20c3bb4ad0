/**
 * News articles, the contacts named under them, the CMS's API for both and the public
 * press pages.
 */
package org.pressdesk.article;
