package org.seamline.context.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.InboundMessage;
import org.seamline.api.message.Party;
import org.seamline.store.Database;
import org.seamline.store.internal.TestDatabases;

/**
 * For the JMH suite: customers in an embedded store, each with a phone number, all of them in the identity cache,
 * and a message from each written the way people write numbers ("+7 916 123-45-67").
 */
record KnownSenders(IdentityCache.View view, List<Identifier> identifiers, List<InboundMessage> messages) {

    static KnownSenders cached(int count) throws Exception {
        Database database = TestDatabases.h2();
        CustomerStore store = new CustomerStore();
        List<Identifier> identifiers = new ArrayList<>();
        List<InboundMessage> messages = new ArrayList<>();
        database.inTransaction(c -> {
            for (int i = 0; i < count; i++) {
                String digits = String.format(Locale.ROOT, "916%07d", i);
                Identifier phone = new Identifier("phone", "+7" + digits);
                store.link(c, store.create(c, null), phone, "benchmark", null, 90);
                identifiers.add(phone);
                String written = "+7 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + "-" + digits.substring(6, 8)
                        + "-" + digits.substring(8);
                messages.add(new InboundMessage("sms", "main", "m-" + i, Party.of(null, new Identifier("phone", written)),
                        "Where is my order?", null, null, null, null));
            }
            return null;
        });
        IdentityCache cache = new IdentityCache(count);
        IdentityCache.View filling = database.read(cache::open);
        database.read(c -> {
            for (Identifier identifier : identifiers) {
                String customer = filling.ownership(c, store, identifier).orElseThrow().customerId();
                filling.members(c, store, filling.canonical(c, store, customer).orElseThrow());
            }
            return null;
        });
        filling.remember();
        return new KnownSenders(database.read(cache::open), identifiers, messages);
    }
}
