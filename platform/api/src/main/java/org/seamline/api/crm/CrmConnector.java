package org.seamline.api.crm;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.seamline.api.health.Health;

/**
 * A configured CRM connection, registered as an OSGi service by its plugin with the service properties
 * {@link #CRM} and {@link #INSTANCE}. The platform calls it from its own worker threads, never from intake or a
 * reply, so a slow or failing CRM delays nothing a customer waits for. Every failure is a {@link CrmException}
 * whose {@link CrmException.Kind} tells the platform whether to retry, when, or to give up.
 *
 * <p>Optional abilities are separate interfaces the same service may also implement: {@link CrmChangePolling} and
 * {@link CrmWebhooks}. New abilities come as new interfaces, so an existing connector keeps working.
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

    /**
     * How many requests per second the platform may make on average. The platform paces its calls to this and
     * additionally pauses when a call fails with {@link CrmException.Kind#RATE_LIMITED}.
     */
    double requestsPerSecond();

    /** Contacts with this email (already trimmed and lower-cased by the platform); empty when none, several if the CRM has duplicates. */
    List<CrmContact> findByEmail(String email) throws CrmException;

    /** Contacts with this phone number, given in E.164 ({@code +79161234567}); the connector matches the CRM's own formats. */
    List<CrmContact> findByPhone(String e164) throws CrmException;

    /** The contact as the CRM has it now; empty when it no longer exists. */
    Optional<CrmContact> profile(String contactId) throws CrmException;

    /**
     * Creates the contact, or updates it when {@link ContactDraft#contactId()} is set. When the CRM refuses a create
     * because the contact exists (a conflict), the connector answers that existing contact rather than failing.
     */
    CrmContact upsert(ContactDraft draft) throws CrmException;

    /**
     * Writes the interaction to the contact's timeline, at most once per {@link Activity#interactionId()}: a repeat
     * (the platform retries after a timeout) answers the id of the first record and creates nothing.
     *
     * @return the CRM's id of the record
     */
    String log(Activity activity) throws CrmException;
}
