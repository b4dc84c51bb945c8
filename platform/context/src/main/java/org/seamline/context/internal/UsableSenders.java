package org.seamline.context.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.Party;
import org.seamline.core.intake.SenderCheck;

/**
 * {@link SenderCheck} by the rules processing applies later: the sender's name and identifiers must fit the
 * customer tables, and at least one identifier must survive {@link IdentifierNormalizer}. Unusable identifiers next
 * to a usable one are dropped in processing as before; a sender with none would become a new anonymous customer per
 * message, so it is refused. Messages name the field, never its value (they reach logs and API answers).
 */
@Component(service = SenderCheck.class, configurationPid = ContextComponents.PID)
public class UsableSenders implements SenderCheck {

    /** The sizes of customer.display_name, customer_identifier.id_type and .id_value. */
    static final int MAX_NAME = 512;
    static final int MAX_TYPE = 32;
    static final int MAX_VALUE = 320;

    private final IdentifierNormalizer normalizer;

    @Activate
    public UsableSenders(ContextConfiguration config) {
        this(new IdentifierNormalizer(config.defaultRegion()));
    }

    UsableSenders(IdentifierNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public void check(Party sender) {
        if (sender.name() != null && sender.name().length() > MAX_NAME) {
            throw new IllegalArgumentException("the sender's name is longer than " + MAX_NAME + " characters");
        }
        List<String> unusable = new ArrayList<>();
        boolean usable = false;
        for (Identifier identifier : sender.identifiers()) {
            if (identifier.type().length() > MAX_TYPE) {
                throw new IllegalArgumentException("an identifier type is longer than " + MAX_TYPE + " characters");
            }
            if (identifier.value().length() > MAX_VALUE) {
                throw new IllegalArgumentException("the sender's " + identifier.type() + " is longer than " + MAX_VALUE + " characters");
            }
            List<Identifier> keys = normalizer.normalize(List.of(identifier));
            if (keys.stream().anyMatch(key -> key.value().length() > MAX_VALUE)) {
                throw new IllegalArgumentException("the sender's " + identifier.type() + " is longer than " + MAX_VALUE
                        + " characters when normalised");
            }
            usable |= !keys.isEmpty();
            if (keys.isEmpty()) {
                unusable.add(identifier.type());
            }
        }
        if (!usable) {
            throw new IllegalArgumentException("the sender has no usable identifier: " + String.join(", ", unusable)
                    + (unusable.size() == 1 ? " is" : " are") + " not valid (an email needs local@domain.tld, a phone"
                    + " number a country code or the configured default region)");
        }
    }
}
