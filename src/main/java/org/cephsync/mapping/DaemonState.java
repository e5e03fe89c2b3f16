package org.cephsync.mapping;

import java.util.Locale;

/**
 * Maps the state text PVE and Ceph report for a daemon ({@code running}, {@code up:standby-replay},
 * {@code stopped}, ...) onto the model's choices: unknown, active, standby, running, stopped, error.
 * Unrecognised text is {@code unknown}, never an error: Ceph adds states between releases.
 */
public final class DaemonState {

    public static final String UNKNOWN = "unknown";
    public static final String ACTIVE = "active";
    public static final String STANDBY = "standby";
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String ERROR = "error";

    private DaemonState() {
    }

    public static String of(String stateText) {
        if (stateText == null || stateText.isBlank()) {
            return UNKNOWN;
        }
        String state = stateText.strip().toLowerCase(Locale.ROOT);
        if (state.equals("active") || state.equals("up:active")) {
            return ACTIVE;
        }
        if (state.startsWith("standby") || state.startsWith("up:standby")) {
            return STANDBY;
        }
        if (state.equals("running")) {
            return RUNNING;
        }
        if (state.equals("stopped") || state.equals("down") || state.equals("down:stopped")) {
            return STOPPED;
        }
        if (state.contains("error") || state.contains("fail") || state.contains("damaged") || state.contains("crash")) {
            return ERROR;
        }
        return UNKNOWN;
    }
}
