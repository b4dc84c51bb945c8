package org.seamline.core.http.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.seamline.core.http.JsonResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what slow request bodies can cost, in every servlet context. A servlet reading a body holds a server thread
 * while it waits for the client, so:
 * <ul>
 * <li>every body must arrive at a minimum rate ({@link MinimumRateInputStream}); one that stops arriving is ended by
 *     the server's idle timeout. Either is answered 408 (when an answer can still go) and logged as one line: it is
 *     the client's failure, not the server's, and needs no stack trace;</li>
 * <li>at most {@link #RESERVED_THREADS} fewer requests than the server has threads may be handling a body at once;
 *     beyond that a request with a body is answered 503 at once, so however many clients trickle bodies, threads stay
 *     free for {@code /health}, reads of the API and the console.</li>
 * </ul>
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class SlowBodyFilter implements Filter {

    static final int RESERVED_THREADS = 100;
    /** Jetty's own default when the launcher does not set the pool size. */
    private static final int DEFAULT_MAX_THREADS = 200;
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(SlowBodyFilter.class);

    private final Semaphore bodies;

    @Activate
    public SlowBodyFilter(BundleContext context) {
        String maxThreads = context.getProperty("org.apache.felix.http.jetty.threadpool.max");
        int threads = maxThreads == null || maxThreads.isBlank() ? DEFAULT_MAX_THREADS : Integer.parseInt(maxThreads.strip());
        this.bodies = new Semaphore(Math.max(1, threads - RESERVED_THREADS));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
                || !hasBody(http)) {
            chain.doFilter(request, response);
            return;
        }
        if (!bodies.tryAcquire()) {
            LOG.info("{} {} from {}: refused, too many requests are sending bodies", http.getMethod(), http.getRequestURI(),
                    http.getRemoteAddr());
            answer.setHeader("Connection", "close");
            answer.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            JsonResponses.error(answer, 503, "busy", "too many requests are sending bodies right now; retry later");
            return;
        }
        try {
            chain.doFilter(new RateLimited(http), answer);
        } catch (IOException | ServletException | RuntimeException e) {
            SlowBodyException slow = slowBody(e);
            if (slow == null) {
                throw e;
            }
            LOG.info("{} {} from {}: {}", http.getMethod(), http.getRequestURI(), http.getRemoteAddr(), slow.getMessage());
            if (!answer.isCommitted()) {
                answer.reset();
                answer.setHeader("Connection", "close");
                JsonResponses.error(answer, 408, "request_timeout", slow.getMessage());
            }
        } finally {
            bodies.release();
        }
    }

    /** A declared length, or a chunked body of any length; not the unknown length (-1) of a GET without a body. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Servlets may wrap what the body threw (in a ServletException, an UncheckedIOException, …). */
    private static SlowBodyException slowBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SlowBodyException slow) {
                return slow;
            }
        }
        return null;
    }

    private static final class RateLimited extends HttpServletRequestWrapper {

        private MinimumRateInputStream body;

        RateLimited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new MinimumRateInputStream(super.getInputStream(), System::nanoTime);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
        }
    }
}
