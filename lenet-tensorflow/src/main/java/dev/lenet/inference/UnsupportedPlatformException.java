package dev.lenet.inference;

/** This JVM's operating system and architecture have no TensorFlow Java native library; the message lists those that do. */
public final class UnsupportedPlatformException extends UnsupportedOperationException {
    UnsupportedPlatformException(String message) {
        super(message);
    }
}
