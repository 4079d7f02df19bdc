package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An HTTPS download through a proxy that asks for Basic credentials to open the tunnel. */
@Slow
class TunnelCredentialsTest {
    /** A proxy on the loopback address: 407 to a CONNECT without credentials, 200 (then nothing) to one with them. */
    private static Thread proxy(ServerSocket server, List<String> connects) {
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                    OutputStream out = client.getOutputStream();
                    String requestLine;
                    while ((requestLine = in.readLine()) != null && !requestLine.isEmpty()) {
                        String credentials = "none";
                        String header;
                        while ((header = in.readLine()) != null && !header.isEmpty()) {
                            if (header.toLowerCase().startsWith("proxy-authorization:")) {
                                credentials = header.substring(header.indexOf(':') + 1)
                                        .strip();
                            }
                        }
                        connects.add(requestLine + " | " + credentials);
                        if (credentials.equals("none")) {
                            out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                                            + " realm=\"lenet\"\r\nContent-Length: 0\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                        } else {
                            out.write("HTTP/1.1 200 Connection established\r\n\r\n"
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            out.flush();
                            break; // the TLS handshake that follows finds no server: enough was seen
                        }
                    }
                } catch (IOException closed) {
                    // the test is over, or the client hung up
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void theTunnelIsOpenedWithTheSettingsCredentials() throws Exception {
        List<String> connects = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            proxy(server, connects);
            Process build = CacheLockTest.child(List.of(TunnelChild.class.getName(), "" + server.getLocalPort()));
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(build.waitFor(1, TimeUnit.MINUTES));
            assertEquals(0, build.exitValue(), output);
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
        assertTrue(connects.contains("CONNECT 127.0.0.1:9 HTTP/1.1 | " + basic), connects.toString());
    }
}
