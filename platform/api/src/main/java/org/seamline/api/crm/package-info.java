/** What a CRM connector plugin implements (contract grows with the CRM issues). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seamline.api.crm;
