package org.seamline.live.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.seamline.core.http.JsonResponses;
import org.seamline.core.security.ApiContext;
import org.seamline.core.security.CallerRechecks;
import org.seamline.core.users.Principal;

/**
 * {@code GET /api/v1/events}: the live events as {@code text/event-stream}. An asynchronous servlet rather than a
 * REST resource, because a stream must never hold a server thread: the response is written in non-blocking mode
 * ({@link ServletSink}) from the shared log, so a slow or stalled client costs a position in the log, not a thread or
 * a queue of its own. The API's guard has authenticated the caller and checked its role before this runs.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/events")
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletAsyncSupported
public class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String RETRY_AFTER_SECONDS = "10";

    private final transient LiveEvents live;
    private final transient CallerRechecks rechecks;

    @Activate
    public EventsServlet(@Reference LiveEvents live, @Reference CallerRechecks rechecks) {
        this.live = live;
        this.rechecks = rechecks;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = ApiContext.principal(request);
        LiveHub hub = live.hub();
        Optional<LiveHub.Refusal> refusal = hub.admit(principal.username());
        if (refusal.isPresent()) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            JsonResponses.error(response, 429, "too_many_streams", refusal.get() == LiveHub.Refusal.TOO_MANY_STREAMS
                    ? "the server has as many event streams open as it allows; retry later"
                    : "this user has as many event streams open as allowed; close another tab or device first");
            return;
        }
        String lastEventId = request.getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = request.getParameter("lastEventId"); // EventSource polyfills cannot always set the header
        }
        ServletSink sink;
        try {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no"); // a reverse proxy must pass each event on at once
            AsyncContext async = request.startAsync();
            async.setTimeout(0); // the stream ends by the hub's decision, the client leaving or the idle timeout
            sink = new ServletSink(async);
        } catch (IOException | RuntimeException e) {
            hub.release(principal.username());
            throw e;
        }
        Subscriber subscriber = hub.attach(principal, rechecks.of(request), lastEventId, sink);
        subscriber.start(() -> sink.start(() -> hub.pump(subscriber), () -> hub.detach(subscriber)));
    }
}
