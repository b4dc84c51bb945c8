/** What a channel plugin tells the platform it learned about a customer: consent, unreachable addresses, service windows. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.api.customer;
