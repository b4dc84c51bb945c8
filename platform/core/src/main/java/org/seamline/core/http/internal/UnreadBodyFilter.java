package org.seamline.core.http.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.seamline.core.http.RequestBodies;

/**
 * Keeps keep-alive connections honest in every servlet context, the REST API's and every plugin's: an answer begun
 * before the request's body was read to its end says {@code Connection: close}, since the server will close the
 * connection after it ({@link RequestBodies#closeIfUnread}). Servlets need not remember it on each refusal.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class UnreadBodyFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
                || http.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new CheckedBeforeBody(http, answer));
        RequestBodies.closeIfUnread(http, answer); // an answer without a body of its own
    }

    /** Checks the request's body once, when the answer's body begins (writing it may commit the headers). */
    private static final class CheckedBeforeBody extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private boolean checked;

        CheckedBeforeBody(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private void check() throws IOException {
            if (!checked) {
                checked = true;
                RequestBodies.closeIfUnread(request, (HttpServletResponse) getResponse());
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            check();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            check();
            return super.getWriter();
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            check();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            check();
            super.sendError(sc);
        }

        @Override
        public void flushBuffer() throws IOException {
            check();
            super.flushBuffer();
        }
    }
}
