package org.seamline.camel.seamline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.seamline.api.customer.CustomerContext;

/**
 * {@code seamline:customer}: the body's map becomes the customer's attributes, recorded with the source
 * {@code route:<CamelContext name>}; a null or empty value removes what this route set before.
 */
final class CustomerProducer extends DefaultProducer {

    private final SeamlineEndpoint endpoint;

    CustomerProducer(SeamlineEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Map<?, ?> body = exchange.getMessage().getBody(Map.class);
        if (body == null || body.isEmpty()) {
            throw new IllegalArgumentException("seamline:customer needs a map of attributes as the body");
        }
        Map<String, String> values = new LinkedHashMap<>();
        body.forEach((name, value) -> values.put(String.valueOf(name), value == null ? null : value.toString()));
        CustomerContext customers = endpoint.services().get(CustomerContext.class);
        String customerId = Sender.customerId(exchange, customers);
        if (!customers.updateAttributes(customerId, endpoint.source(), values)) {
            throw new CamelExchangeException("the customer in " + SeamlineConstants.CUSTOMER_ID + " does not exist", exchange);
        }
        exchange.getMessage().setHeader(SeamlineConstants.CUSTOMER_ID, customerId);
    }
}
