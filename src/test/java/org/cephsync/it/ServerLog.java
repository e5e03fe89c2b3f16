package org.cephsync.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the server logs, as the test sees it. The Payara Micro Arquillian adapter copies the server's output
 * line by line to {@code System.out} (outputToConsole, read from the static field each time), so a tee on
 * {@code System.out}, installed before the deployment starts the server, keeps everything it logs.
 */
final class ServerLog {

    private static ByteArrayOutputStream captured;

    private ServerLog() {
    }

    /** Starts capturing (once per test JVM; later calls keep the same capture). */
    static synchronized void capture() {
        if (captured != null) {
            return;
        }
        captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (ServerLog.class) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (ServerLog.class) {
                    captured.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    static synchronized String text() {
        return captured == null ? "" : captured.toString(StandardCharsets.UTF_8);
    }
}
