package org.cephsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.cephsync.it.ProxboxStandIn;

/**
 * Serves a snapshot folder as proxbox-api (the tests' {@link ProxboxStandIn}) until killed, with a latency added
 * to every answer, for scripts/benchmark-endpoints.sh. Writes its base URL to {@code --url-file} once it listens
 * (127.0.0.1, an ephemeral port), and the number of requests it answered per path to {@code --counts-file} when it
 * is stopped (a file, not its log: the JDK resets logging in a shutdown hook of its own, which may run first).
 * The API key comes on standard input, never in argv.
 *
 * <pre>
 *   echo KEY | java -cp ... org.cephsync.bench.ProxboxServer --snapshot DIR --latency-ms 100 --url-file FILE --counts-file FILE
 * </pre>
 */
public final class ProxboxServer {

    private static final Logger LOG = Logger.getLogger(ProxboxServer.class.getName());

    private ProxboxServer() {
    }

    public static void main(String[] args) throws Exception {
        Path snapshot = null;
        Path urlFile = null;
        Path countsFile = null;
        long latencyMillis = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--snapshot" -> snapshot = Path.of(args[i + 1]);
                case "--url-file" -> urlFile = Path.of(args[i + 1]);
                case "--counts-file" -> countsFile = Path.of(args[i + 1]);
                case "--latency-ms" -> latencyMillis = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (snapshot == null || urlFile == null || countsFile == null) {
            throw new IllegalArgumentException("usage: --snapshot DIR --url-file FILE --counts-file FILE [--latency-ms N]"
                    + " (the API key on stdin)");
        }
        String key = new String(System.in.readAllBytes()).trim();
        ProxboxStandIn proxbox = new ProxboxStandIn(snapshot, key).latency(Duration.ofMillis(latencyMillis)).start();
        Files.writeString(urlFile, proxbox.baseUri().toString());
        long latency = latencyMillis;
        LOG.info(() -> "proxbox stand-in on " + proxbox.baseUri() + ", " + latency + " ms added to every answer");
        // the benchmark stops it with SIGTERM: what the syncs asked for, per path
        Path counts = countsFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StringBuilder text = new StringBuilder();
            proxbox.counts().forEach((path, n) -> text.append(n).append(' ').append(path).append('\n'));
            try {
                Files.writeString(counts, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        new CountDownLatch(1).await();
    }
}
