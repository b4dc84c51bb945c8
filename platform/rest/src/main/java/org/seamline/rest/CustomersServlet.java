package org.seamline.rest;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.context.Customer;
import org.seamline.context.CustomerDirectory;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.seamline.store.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/customers} (newest first, paged), {@code GET /api/v1/customers?identifier=<type>:<value>}
 * (the value is normalised as inbound messages are: {@code phone:+7 916 123-45-67} finds {@code +79161234567})
 * and {@code GET /api/v1/customers/{id}}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/customers", "/customers/*"})
@HttpWhiteboardContextSelect(ApiContext.SELECT)
public class CustomersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CustomersServlet.class);

    private final transient CustomerDirectory directory;

    @Activate
    public CustomersServlet(@Reference CustomerDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        try {
            if (path != null && !path.equals("/")) {
                answer(response, directory.customer(path.substring(1)), "no customer with id " + path.substring(1));
            } else if (request.getParameter("identifier") != null) {
                byIdentifier(request.getParameter("identifier"), response);
            } else {
                Page<Customer> page = directory.customers(QueryParameters.offset(request), QueryParameters.limit(request));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", page.items());
                body.put("total", page.total());
                body.put("offset", page.offset());
                body.put("limit", page.limit());
                JsonResponses.write(response, 200, body);
            }
        } catch (QueryParameters.BadRequestException e) {
            JsonResponses.error(response, 400, "bad_request", e.getMessage());
        } catch (SQLException e) {
            LOG.warn("Reading customers failed: {}", e.getMessage());
            JsonResponses.error(response, 503, "store_unavailable", "the store cannot be read right now");
        }
    }

    /** A lookup answers a list (empty or one customer), so "not found" and "found" have the same shape. */
    private void byIdentifier(String identifier, HttpServletResponse response) throws IOException, SQLException {
        int colon = identifier.indexOf(':');
        if (colon <= 0 || colon == identifier.length() - 1) {
            throw new QueryParameters.BadRequestException("identifier must look like <type>:<value>, e.g. email:anna@example.com");
        }
        Optional<Customer> found = directory.findByIdentifier(identifier.substring(0, colon), identifier.substring(colon + 1));
        JsonResponses.write(response, 200, Map.of("items", found.map(List::of).orElse(List.of())));
    }

    private static void answer(HttpServletResponse response, Optional<Customer> customer, String notFound) throws IOException {
        if (customer.isPresent()) {
            JsonResponses.write(response, 200, customer.get());
        } else {
            JsonResponses.error(response, 404, "not_found", notFound);
        }
    }
}
