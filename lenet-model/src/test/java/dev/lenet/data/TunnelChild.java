package dev.lenet.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;

/** A build's download of an HTTPS mirror through a proxy with credentials, in a JVM of its own (a fresh JDK). */
public final class TunnelChild {
    private TunnelChild() {}

    public static void main(String[] args) throws IOException {
        WebProxy proxy = new WebProxy("127.0.0.1", Integer.parseInt(args[0]), "ci", "s3cret", null);
        HttpsMirror mirror =
                new HttpsMirror(URI.create("https://127.0.0.1:9/mnist/"), proxy, Duration.ofSeconds(30), 1 << 20);
        try {
            mirror.fetchInto(Files.createTempDirectory("tunnel"));
        } catch (IOException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }
}
