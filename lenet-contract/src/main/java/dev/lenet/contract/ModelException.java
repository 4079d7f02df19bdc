package dev.lenet.contract;

/**
 * A model that cannot be loaded or used: missing, unreadable, or refused (not what lenet:train exports). The message
 * names the model and says what to do.
 */
public class ModelException extends IllegalArgumentException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
