package dk.sosi.sts.backend.internal;

import dk.sosi.sts.backend.BackendUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Thread-safe. The HTTP side of the backend REST contract ({@link dk.sosi.sts.backend}) shared by the
 * {@code Http…} clients: builds the {@code GET}, enforces the request timeout on the whole answer
 * (headers and body), caps the body at {@value #MAX_BODY_BYTES} bytes and turns every failure into a
 * {@link BackendUnavailableException} naming the service. Messages name the endpoint, never the
 * path parameters, which hold CPR numbers.
 */
public final class RestClient {

    /** The longest answer read; a longer one is a failure. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final String serviceName;
    private final URI endpoint;
    private final String base;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param serviceName e.g. {@code CVR-RID service}
     * @param endpoint    absolute http(s) URI without query or fragment; a trailing {@code /} is ignored
     * @param timeout     the longest wait for the complete answer, connecting included
     * @param client      carries the connect timeout and, for https, the TLS identity and trust
     * @throws IllegalArgumentException if the endpoint or timeout is unusable
     */
    public RestClient(String serviceName, URI endpoint, Duration timeout, HttpClient client) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = Objects.requireNonNull(client, "client");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!endpoint.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getRawAuthority() == null) {
            throw new IllegalArgumentException("The endpoint of the " + serviceName + " must be an http or https URL, was " + endpoint);
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("The endpoint of the " + serviceName + " must have no query or fragment, was " + endpoint);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout of the " + serviceName + " must be positive, was " + timeout);
        }
        String text = endpoint.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Immutable. An answer with a status the caller accepted. */
    public record Answer(int status, String body) {

        /** The non-blank lines of the body, trimmed. */
        public List<String> lines() {
            return body.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    /**
     * {@code GET {endpoint}{path}}; returns the answer when its status is in {@code accepted}.
     *
     * @param operation for messages, e.g. {@code findRelatedCpr}
     * @param path      starting with {@code /}, its parameters already encoded with {@link #segment}
     */
    public Answer get(String operation, String path, Set<Integer> accepted) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "text/plain")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> new LimitedBody(MAX_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw unavailable(operation, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw unavailable(operation, "interrupted while waiting for the answer", e);
        } catch (ExecutionException e) {
            throw unavailable(operation, describe(e.getCause()), e.getCause());
        }
        int status = response.statusCode();
        if (!accepted.contains(status)) {
            String kind = status >= 500 ? "the service failed" : status >= 400 ? "check the endpoint" : "not in the contract";
            throw unavailable(operation, "answered HTTP " + status + " (" + kind + ")", null);
        }
        return new Answer(status, new String(response.body(), StandardCharsets.UTF_8));
    }

    /** A failure of {@code operation} for an answer that came but cannot be used. */
    public BackendUnavailableException unusable(String operation, String what) {
        return unavailable(operation, what, null);
    }

    /**
     * One path parameter, percent-encoded as UTF-8: every character but {@code A–Z a–z 0–9 - _ ~} is
     * encoded, so a value can never add a path segment ({@code /}, {@code .}), a query or a fragment.
     *
     * @throws IllegalArgumentException if the value is blank: a caller's bug, not a question to ask
     */
    public static String segment(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private BackendUnavailableException unavailable(String operation, String reason, Throwable cause) {
        return new BackendUnavailableException(serviceName, reason + " from " + endpoint + " (" + operation + ")", cause);
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within the connect timeout";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (failure instanceof ConnectException) {
            return "cannot connect" + (failure.getMessage() != null ? " (" + failure.getMessage() + ")" : "");
        }
        if (failure instanceof TooLongException) {
            return failure.getMessage();
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "TLS failed (" + failure.getMessage() + ")";
        }
        if (failure instanceof IOException) {
            return "the connection failed (" + failure + ")";
        }
        return "the call failed (" + failure + ")";
    }

    /** The body grew past the limit. */
    private static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLongException(int limit) {
            super("answered more than " + limit + " bytes");
        }
    }

    /** Not thread-safe (the HTTP client calls it serially). Collects a body of at most {@code limit} bytes. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + item.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLongException(limit));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
