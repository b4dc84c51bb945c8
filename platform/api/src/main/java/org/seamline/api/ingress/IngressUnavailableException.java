package org.seamline.api.ingress;

/**
 * The message could not be stored durably (database down, disk full). Nothing was acknowledged: the plugin must
 * answer the provider with an error that makes it retry (HTTP 503), never with success.
 */
public class IngressUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public IngressUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
