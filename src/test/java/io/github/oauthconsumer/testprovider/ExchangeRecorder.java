package io.github.oauthconsumer.testprovider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/** Counts every request by path (also those that end in 401 or 404) and records each exchange. */
@PreMatching
@Priority(1)
final class ExchangeRecorder implements ContainerRequestFilter, ContainerResponseFilter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

    private static final String RECEIVED_AUTHORIZATION = ExchangeRecorder.class.getName() + ".authorization";
    private static final String RECEIVED_USER_AGENT = ExchangeRecorder.class.getName() + ".user-agent";

    @Override
    public void filter(ContainerRequestContext request) {
        counts.computeIfAbsent(request.getUriInfo().getPath(), p -> new AtomicInteger()).incrementAndGet();
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.setProperty(RECEIVED_AUTHORIZATION, authorization);
        }
        String userAgent = request.getHeaderString(HttpHeaders.USER_AGENT);
        if (userAgent != null) {
            request.setProperty(RECEIVED_USER_AGENT, userAgent);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        exchanges.add(new RecordedExchange(request.getMethod(), request.getUriInfo().getPath(),
                (String) request.getProperty(RECEIVED_AUTHORIZATION), (String) request.getProperty(RECEIVED_USER_AGENT),
                response.getStatus(),
                response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)));
    }

    int count(String path) {
        AtomicInteger count = counts.get(path.startsWith("/") ? path.substring(1) : path);
        return count == null ? 0 : count.get();
    }

    List<RecordedExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    void reset() {
        counts.clear();
        exchanges.clear();
    }
}
