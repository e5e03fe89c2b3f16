package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A Payara Micro process running ceph-sync as an operator runs it, outside Arquillian: the project's uber jar
 * (else payara-micro.jar with the WAR; either way at /ceph-sync) on 127.0.0.1 with a rootdir of its own,
 * the test users, the given system properties, and, in the postgresql profile, the database options (the
 * database itself comes from the environment the test JVM hands on). Started and killed again and again on
 * the same rootdir; each start logs to a file of its own.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PayaraMicroProcess.class.getName());

    private final Path buildDir;
    private final Path work;
    private final Path rootDir;
    private final int port;
    private final List<String> systemProperties;
    private final AdminClient api;
    private Process process;
    private Path log;
    private int starts;

    /** @param systemProperties "name=value" pairs, handed on as -D options (secrets among them are not logged) */
    PayaraMicroProcess(Path work, List<String> systemProperties) throws IOException {
        this.buildDir = buildDir();
        this.work = work;
        this.rootDir = work.resolve("payara-root");
        this.port = freePort();
        this.systemProperties = List.copyOf(systemProperties);
        this.api = new AdminClient(URI.create("http://127.0.0.1:" + port + "/ceph-sync/"));
    }

    /** The build dir of this build (where the WAR and the uber jar are). */
    static Path buildDir() {
        return Path.of(System.getProperty("ceph-sync.war", "target/ceph-sync.war")).toAbsolutePath().getParent();
    }

    /** A folder of the build dir for one test's servers, emptied of what an earlier run left there. */
    static Path freshWorkDir(String name) throws IOException {
        Path work = buildDir().resolve(name);
        if (Files.exists(work)) {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(work);
    }

    AdminClient api() {
        return api;
    }

    Path rootDir() {
        return rootDir;
    }

    Path log() {
        return log;
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dh2.bindAddress=127.0.0.1"));
        systemProperties.forEach(property -> command.add("-D" + property));
        // the API's users (the test's admin among them), as an operator would configure them
        for (String lines : TestUsers.config()) {
            for (String line : lines.split("\n")) {
                command.add("-D" + line);
            }
        }
        Path microJar = Path.of(System.getProperty("ceph-sync.microJar", buildDir.resolve("ceph-sync-micro.jar").toString()));
        if (Files.isRegularFile(microJar)) {
            // the project's uber jar: the WAR (at /ceph-sync), no Hazelcast and loopback listeners baked in
            command.addAll(List.of("-jar", microJar.toString()));
        } else {
            command.addAll(List.of("-jar", System.getProperty("payara.microJar", buildDir.resolve("payara-micro.jar").toString()),
                    "--deploy", buildDir.resolve("ceph-sync.war").toString(), "--nohazelcast",
                    "--prebootcommandfile", Path.of("src/main/payara/preboot.asadmin").toAbsolutePath().toString(),
                    "--addLibs", buildDir.resolve("server-lib").toString()));
        }
        command.addAll(List.of("--rootdir", rootDir.toString(), "--port", String.valueOf(port)));
        // the postgresql profile: the database options an operator adds (the environment holds the database)
        String databaseOptions = System.getProperty("ceph-sync.it.micro.options", "").trim();
        if (!databaseOptions.isEmpty()) {
            command.addAll(List.of(databaseOptions.split(" ")));
        }
        log = work.resolve("server-" + (++starts) + ".log");
        LOG.info(() -> "starting " + String.join(" ", command.stream()
                .filter(arg -> !arg.startsWith("-Dceph-sync.users.") && !arg.startsWith("-Dproxbox.api-key")).toList())
                + " (and the test users and key)");
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady();
    }

    /**
     * Ready when Payara Micro says so and the API answers. Restarted on a rootdir that holds the application,
     * Payara Micro first starts the copy kept there, then redeploys the uber jar's over it: the API answers
     * for a moment, then 503 until the redeployment is done, and only then is "ready in" logged.
     */
    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("Payara Micro exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                if (loggedReady() && api.call("GET", "api/sync/jobs?limit=1", null).status() == 200) {
                    return;
                }
            } catch (AssertionError notYet) {
                // connection refused: still starting
            }
            sleep(500);
        }
        fail("Payara Micro was not ready in 180 s; see " + log);
    }

    /** This start's log has Payara Micro's "Payara Micro 6.x (build n) ready in n (ms)". */
    private boolean loggedReady() throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> line.contains("Payara Micro ") && line.contains(" ready in "));
        }
    }

    /** Everything this server has logged since it was first started. */
    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            all.append(Files.readString(work.resolve("server-" + i + ".log"), StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL (Process.destroyForcibly on Unix), as kill -9 does; @return the exit status. */
    int kill9() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** A clean stop (SIGTERM) that waits for the process. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
