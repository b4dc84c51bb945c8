package org.seamline.crm.amocrm;

import java.util.Optional;

/**
 * Where an instance's token pair lives between refreshes and restarts. A refresh makes the previous refresh token
 * useless, so {@link #store} must be durable when it returns: the connector stores a new pair before it uses it.
 */
interface TokenVault {

    Optional<TokenPair> load(String instance) throws TokenVaultException;

    /** Replaces the instance's pair, atomically. */
    void store(String instance, TokenPair pair) throws TokenVaultException;

    /**
     * Runs {@code work} while no other holder of this vault, on this node or another sharing its store, runs work for
     * the same instance: a refresh spends the refresh token, so two at once would lock the integration out.
     */
    <T, E extends Exception> T exclusively(String instance, Work<T, E> work) throws TokenVaultException, E;

    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** The vault could not be read or written; the message names no token. */
    final class TokenVaultException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean unreadable;

        TokenVaultException(String message, Throwable cause) {
            this(message, cause, false);
        }

        /** @param unreadable the stored pair can never be opened (another key): waiting does not help */
        TokenVaultException(String message, Throwable cause, boolean unreadable) {
            super(message, cause);
            this.unreadable = unreadable;
        }

        boolean unreadable() {
            return unreadable;
        }
    }
}
