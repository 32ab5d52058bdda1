package dk.sosi.sts.demo.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Thread-safe. Closes a connection whose request headers have not arrived within a deadline: from when
 * the connection opened, or from when its previous answer was sent. Jetty reads headers without a
 * thread, but a caller that trickles them would otherwise keep its connection until the idle timeout,
 * which every byte resets. Checked once a second.
 */
final class RequestHeaderDeadline extends Handler.Wrapper implements Connection.Listener {

    private final long timeoutNanos;
    private final Map<Connection, Long> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sts-header-deadline");
        thread.setDaemon(true);
        return thread;
    });

    RequestHeaderDeadline(Duration timeout, Handler handler) {
        super(handler);
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    protected void doStart() throws Exception {
        sweeper.scheduleWithFixedDelay(this::closeLate, 1, 1, TimeUnit.SECONDS);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        sweeper.shutdownNow();
        super.doStop();
    }

    @Override
    public void onOpened(Connection connection) {
        waiting.put(connection, System.nanoTime() + timeoutNanos);
    }

    @Override
    public void onClosed(Connection connection) {
        waiting.remove(connection);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        waiting.remove(connection);
        return super.handle(request, response, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                waitForNext(connection);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                waitForNext(connection);
                super.failed(failure);
            }
        });
    }

    private void waitForNext(Connection connection) {
        if (connection.getEndPoint().isOpen()) {
            waiting.put(connection, System.nanoTime() + timeoutNanos);
        }
    }

    private void closeLate() {
        long now = System.nanoTime();
        waiting.forEach((connection, deadline) -> {
            if (now - deadline > 0 && waiting.remove(connection, deadline)) {
                connection.close();
            }
        });
    }
}
