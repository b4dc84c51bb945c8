/** What the CRM synchronisation offers the REST API and the console: connector states and its dead letters. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.crm.sync;
