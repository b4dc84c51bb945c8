package org.seamline.api.customer;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.ingress.IngressUnavailableException;
import org.seamline.api.message.Identifier;

/**
 * Where a channel reports what it learned about a person, named by the identifier it knows them by. Each signal is
 * stored durably before the method returns, for the customer who owns the identifier now. An identifier no customer
 * has (nobody wrote from it yet) records nothing and answers false: the channel has nothing to attach it to.
 *
 * @see Identifier for the identifier types; values are normalised by the platform
 */
@ProviderType
public interface CustomerSignals {

    /**
     * The customer granted or withdrew consent on {@code channel} for {@code purpose} (an SMS STOP or START).
     *
     * @param evidence what proves it, shown to agents and kept for audits, e.g. "SMS STOP at 2026-05-01T10:00Z,
     *                 MessageSid SM…"; at most 1000 characters
     * @return false when no customer has the identifier: nothing was recorded
     * @throws IllegalArgumentException for an unknown channel kind or evidence too long
     */
    boolean consent(String channel, String instance, Identifier identifier, Purpose purpose, boolean granted,
                    String evidence) throws IngressUnavailableException;

    /**
     * The address can never receive on this channel (a wrong or landline number). Replies skip it until the customer
     * writes from it again.
     *
     * @return false when no customer has the identifier: nothing was recorded
     */
    boolean unreachable(String channel, String instance, Identifier identifier, String reason)
            throws IngressUnavailableException;

    /**
     * The channel's customer-service window (WhatsApp: 24 h after the customer's last message) is open until
     * {@code openUntil}; the latest report replaces earlier ones.
     *
     * @return false when no customer has the identifier: nothing was recorded
     */
    boolean serviceWindow(String channel, String instance, Identifier identifier, Instant openUntil)
            throws IngressUnavailableException;

    /**
     * Until when the service window on {@code channel} is open for the customer who owns the identifier, as last
     * reported; empty when none was reported or nobody has the identifier. A past instant means it has closed.
     */
    Optional<Instant> serviceWindowUntil(String channel, Identifier identifier) throws IngressUnavailableException;
}
