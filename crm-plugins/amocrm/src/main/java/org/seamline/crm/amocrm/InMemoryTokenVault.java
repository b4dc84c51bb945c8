package org.seamline.crm.amocrm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** A vault in memory: for tests, and for a long-lived token, which needs none. Lost on restart. */
final class InMemoryTokenVault implements TokenVault {

    private final Map<String, TokenPair> pairs = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public Optional<TokenPair> load(String instance) {
        return Optional.ofNullable(pairs.get(instance));
    }

    @Override
    public void store(String instance, TokenPair pair) {
        pairs.put(instance, pair);
    }

    @Override
    public <T, E extends Exception> T exclusively(String instance, Work<T, E> work) throws E {
        ReentrantLock lock = locks.computeIfAbsent(instance, name -> new ReentrantLock());
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
