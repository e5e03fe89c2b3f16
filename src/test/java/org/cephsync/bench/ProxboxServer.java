package org.cephsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.cephsync.it.ProxboxStandIn;

/**
 * Serves a snapshot folder as proxbox-api (the tests' {@link ProxboxStandIn}) until killed, with a latency added
 * to every answer, for scripts/benchmark-endpoints.sh. Writes its base URL to {@code --url-file} once it listens
 * (127.0.0.1, an ephemeral port). The API key comes on standard input, never in argv.
 *
 * <pre>
 *   echo KEY | java -cp ... org.cephsync.bench.ProxboxServer --snapshot DIR --latency-ms 100 --url-file FILE
 * </pre>
 */
public final class ProxboxServer {

    private static final Logger LOG = Logger.getLogger(ProxboxServer.class.getName());

    private ProxboxServer() {
    }

    public static void main(String[] args) throws Exception {
        Path snapshot = null;
        Path urlFile = null;
        long latencyMillis = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--snapshot" -> snapshot = Path.of(args[i + 1]);
                case "--url-file" -> urlFile = Path.of(args[i + 1]);
                case "--latency-ms" -> latencyMillis = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (snapshot == null || urlFile == null) {
            throw new IllegalArgumentException("usage: --snapshot DIR --url-file FILE [--latency-ms N] (the API key on stdin)");
        }
        String key = new String(System.in.readAllBytes()).trim();
        ProxboxStandIn proxbox = new ProxboxStandIn(snapshot, key).latency(Duration.ofMillis(latencyMillis)).start();
        Files.writeString(urlFile, proxbox.baseUri().toString());
        long latency = latencyMillis;
        LOG.info(() -> "proxbox stand-in on " + proxbox.baseUri() + ", " + latency + " ms added to every answer");
        // the benchmark stops it with SIGTERM: what the syncs asked for, per path, goes into its log
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LOG.info(() -> "requests answered: " + proxbox.counts())));
        new CountDownLatch(1).await();
    }
}
