package org.cephsync.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Makes the value of {@code ceph-sync.users.<name>.password-hash} from a password:
 *
 * <pre>
 *   java -cp target/classes org.cephsync.security.HashPassword            # asks for the password twice
 *   printf '%s' "$PASSWORD" | java -cp target/classes org.cephsync.security.HashPassword --stdin
 * </pre>
 *
 * Options: {@code --iterations N} (default {@value PasswordHashes#DEFAULT_ITERATIONS}),
 * {@code --algorithm PBKDF2WithHmacSHA256|...}. Prints the hash alone on standard output; the password is
 * never echoed or written anywhere.
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        boolean stdin = false;
        int iterations = PasswordHashes.DEFAULT_ITERATIONS;
        String algorithm = PasswordHashes.DEFAULT_ALGORITHM;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--stdin" -> stdin = true;
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--algorithm" -> algorithm = args[++i];
                default -> {
                    err.println("usage: HashPassword [--stdin] [--iterations N] [--algorithm " + PasswordHashes.ALGORITHMS + "]");
                    System.exit(2);
                }
            }
        }
        char[] password;
        Console console = System.console();
        if (!stdin && console != null) {
            password = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (password == null || !Arrays.equals(password, again)) {
                err.println("the two passwords differ");
                System.exit(1);
            }
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length == 0) {
            err.println("the password is empty");
            System.exit(1);
        }
        out.println(PasswordHashes.hash(password, algorithm, iterations));
        Arrays.fill(password, '\0');
    }
}
