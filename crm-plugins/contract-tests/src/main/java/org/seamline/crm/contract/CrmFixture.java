package org.seamline.crm.contract;

import java.util.List;
import java.util.Optional;
import org.seamline.api.crm.CrmChange;
import org.seamline.api.crm.CrmConnector;
import org.seamline.api.crm.CrmWebhooks;

/**
 * The CRM side of the contract tests, written once per connector: a connector configured against a CRM the test
 * controls (a stand-in for a SaaS CRM, a real database for JDBC), and the means to change that CRM behind the
 * connector's back. A fresh fixture per test: the CRM starts empty.
 */
public interface CrmFixture extends AutoCloseable {

    /** The connector under test, configured against this fixture's CRM. */
    CrmConnector connector();

    /** Creates a contact directly in the CRM; emails and phones as the CRM would store them. Answers its id. */
    String createContact(String name, List<String> emails, List<String> phones, String owner, List<String> tags)
            throws Exception;

    /** Changes a contact's owner and tags directly in the CRM, as a CRM user would. */
    void changeContact(String contactId, String owner, List<String> tags) throws Exception;

    /** The interaction ids of the activities the CRM holds for the contact, one per record (a double post shows twice). */
    List<String> loggedInteractions(String contactId) throws Exception;

    /**
     * The next {@code calls} requests are refused as over the rate limit, as the CRM does it (status, body, headers).
     * False when the CRM has no rate limit (a database): the rate-limit contract is skipped.
     */
    boolean rateLimitNext(int calls);

    /**
     * The next {@code calls} requests fail as the CRM does when it is down (503, a refused connection). False when
     * the fixture cannot make it fail: the outage contract is skipped.
     */
    boolean failNext(int calls);

    /**
     * Sets the contact's segment (a VIP flag, a customer class) directly in the CRM. False when the CRM has no such
     * field: the segment check is skipped.
     */
    default boolean setSegment(String contactId, String segment) throws Exception {
        return false;
    }

    /** Sets the contact's company directly in the CRM. False when the CRM has none: the company check is skipped. */
    default boolean setCompany(String contactId, String company) throws Exception {
        return false;
    }

    /** Faults of access tokens, for connectors that use expiring tokens; empty when the CRM has none. */
    default Optional<Tokens> tokens() {
        return Optional.empty();
    }

    /** Notifications from the CRM, for connectors that implement {@link CrmWebhooks}; empty otherwise. */
    default Optional<Webhooks> webhooks() {
        return Optional.empty();
    }

    interface Tokens {
        /** The access token the connector holds expires now; the CRM refuses it until it is refreshed. */
        void expireAccessToken();

        /** How many times the connector refreshed its token so far. */
        int refreshes();
    }

    interface Webhooks {
        /** The request the CRM sends when the contact changed, correctly signed or authenticated. */
        CrmWebhooks.Request changeOf(String contactId);

        /** The same request with a wrong signature, token or secret. */
        CrmWebhooks.Request forged(String contactId);

        /**
         * A request that was valid once and is sent again later (a replay), or empty when the CRM's scheme cannot
         * tell a replay (the platform then drops repeats by {@link CrmChange#eventId()}).
         */
        Optional<CrmWebhooks.Request> replayed(String contactId);
    }
}
