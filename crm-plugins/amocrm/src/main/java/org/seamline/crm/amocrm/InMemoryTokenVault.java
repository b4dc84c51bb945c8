package org.seamline.crm.amocrm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A vault in memory: for tests, and for a long-lived token, which needs none. Lost on restart. */
final class InMemoryTokenVault implements TokenVault {

    private final Map<String, TokenPair> pairs = new ConcurrentHashMap<>();

    @Override
    public Optional<TokenPair> load(String instance) {
        return Optional.ofNullable(pairs.get(instance));
    }

    @Override
    public void store(String instance, TokenPair pair) {
        pairs.put(instance, pair);
    }
}
