package dev.lenet;

/**
 * Base of every error the core reports on purpose; the message is meant for the person running the build. Each kind
 * says which setting a user changes to fix it and whether it is the build's verdict on the model, so that an adapter
 * (the Maven plugin) maps every kind the same way, in one place.
 */
public class LeNetException extends RuntimeException {
    public LeNetException(String message) {
        super(message);
    }

    public LeNetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The parameter to change to fix this (its pom element and {@code lenet.*} property), or null for none. */
    public String parameter() {
        return null;
    }

    /** True when the model was judged and failed (a gate), false when the build could not do its work. */
    public boolean isVerdict() {
        return false;
    }
}
