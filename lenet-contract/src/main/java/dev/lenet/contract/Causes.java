package dev.lenet.contract;

import java.net.UnknownHostException;

/** Text for an exception inside a message of ours, even when the exception carries no message of its own. */
public final class Causes {
    private Causes() {}

    /** {@code ConnectException}, {@code unknown host example.org}, {@code AccessDeniedException: /x/y}. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof UnknownHostException) {
            return "unknown host" + (message == null || message.isBlank() ? "" : " " + message);
        }
        String kind = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return kind;
        }
        // This project's exceptions and the generic kinds say everything in their message.
        boolean generic = e.getClass().getPackageName().startsWith("dev.lenet")
                || e.getClass() == java.io.IOException.class
                || e.getClass() == java.io.UncheckedIOException.class
                || e.getClass() == RuntimeException.class;
        return generic ? message : kind + ": " + message;
    }
}
