package org.seamline.api.crm;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connector that receives the CRM's change notifications. The platform serves
 * {@code POST /hooks/crm/{crm}/{instance}[/{rest}]}, limits the body, hands the request here and answers the CRM
 * 2xx only after the changes are stored. The connector verifies the request (signature, token, secret path) first.
 */
@ConsumerType
public interface CrmWebhooks {

    /**
     * The changes a verified notification reports.
     *
     * @throws CrmException {@link CrmException.Kind#AUTH_INVALID} when the request is not from the CRM (bad
     *                      signature, wrong token, too old or replayed): the platform answers 401 and stores nothing;
     *                      {@link CrmException.Kind#VALIDATION} for a body it cannot read (400)
     */
    List<CrmChange> receive(Request request) throws CrmException;

    /**
     * @param url     the full URL the CRM called, as it signed it (scheme and host as configured for the public side)
     * @param path    what follows {@code /hooks/crm/{crm}/{instance}}, empty or starting with {@code /}
     * @param headers header names in lower case
     */
    record Request(String method, String url, String path, Map<String, List<String>> headers, String contentType,
                   byte[] body) {

        public Request {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        /** The first value of a header, by its lower-case name; null when absent. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }
}
