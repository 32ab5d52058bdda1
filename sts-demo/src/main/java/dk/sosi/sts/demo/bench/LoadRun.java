package dk.sosi.sts.demo.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load phase: {@code clients} threads post pre-signed requests for a fixed time, either as fast
 * as answers come (closed loop) or paced to a total rate, and record every latency.
 */
final class LoadRun {

    /** Immutable. What a phase measured. */
    record Result(long requests, long errors, double seconds, long[] latenciesNanos) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }

        double maxMillis() {
            return latenciesNanos.length == 0 ? 0 : latenciesNanos[latenciesNanos.length - 1] / 1e6;
        }
    }

    private LoadRun() {
    }

    /** Runs for {@code seconds}; {@code ratePerSecond} 0 means closed loop. */
    static Result run(URI endpoint, List<byte[]> requests, int clients, double seconds, double ratePerSecond)
            throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                long interval = ratePerSecond > 0 ? (long) (clients * 1e9 / ratePerSecond) : 0;
                long next = start + (interval * client) / clients;
                int i = client;
                try (KeepAliveClient http = new KeepAliveClient(endpoint)) {
                    while (System.nanoTime() < end && counts[client] < mine.length) {
                        if (interval > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            next += interval;
                        }
                        byte[] body = requests.get(i++ % requests.size());
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            KeepAliveClient.Answer answer = http.post(body);
                            ok = answer.status() == 200 && !answer.fault();
                        } catch (IOException e) {
                            ok = false; // counted; the next request opens a new connection
                            http.close();
                            Thread.sleep(10); // a refused connection must not turn into a busy loop
                        }
                        mine[(int) counts[client]++] = System.nanoTime() - sent;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, (int) counts[c]);
            at += (int) counts[c];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), elapsed, all);
    }
}
