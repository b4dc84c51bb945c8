/**
 * What a CRM connector plugin implements: lookup by email and phone, contact upsert, idempotent activity logging,
 * the profile fields Seamline routes and personalises by, and optionally change polling and webhooks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.seamline.api.crm;
