package dev.lenet;

/** Base of every error the core reports on purpose; the message is meant for the person running the build. */
public class LeNetException extends RuntimeException {
    public LeNetException(String message) {
        super(message);
    }

    public LeNetException(String message, Throwable cause) {
        super(message, cause);
    }
}
