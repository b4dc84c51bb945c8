package org.seamline.api.crm;

import org.osgi.annotation.versioning.ConsumerType;
import org.seamline.api.health.Health;

/**
 * A configured CRM connection, registered as an OSGi service by its plugin with the service properties
 * {@link #CRM} and {@link #INSTANCE}. Synchronisation operations are added with the CRM issues.
 */
@ConsumerType
public interface CrmConnector {

    /** Service property: the CRM kind, e.g. {@code hubspot}. */
    String CRM = "seamline.crm";
    /** Service property: the instance name from the factory configuration. */
    String INSTANCE = "seamline.instance";

    String crm();

    String instance();

    Health health();
}
