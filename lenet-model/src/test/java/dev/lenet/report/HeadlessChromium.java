package dev.lenet.report;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's Chromium, headless, as the report test and the docs' screenshot use it: renders a page to a PNG, keeps
 * what the page wrote to the console, and the DOM as rendered. Started with a new profile and without the background
 * networking a closed network would refuse.
 */
public final class HeadlessChromium {
    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** Chromium from {@code LENET_CHROMIUM}, else {@code chromium} on the PATH; empty where there is none. */
    public static Optional<HeadlessChromium> find() {
        String given = System.getenv("LENET_CHROMIUM");
        if (given != null && !given.isBlank()) {
            return Optional.of(new HeadlessChromium(Path.of(given)));
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** What a page did in the browser: its screenshot, its console lines, its DOM after rendering. */
    public record Rendering(BufferedImage screenshot, List<String> console, String dom) {
        /** Pixels of exactly this colour ({@code 0xRRGGBB}). */
        public long pixels(int rgb) {
            long count = 0;
            for (int y = 0; y < screenshot.getHeight(); y++) {
                for (int x = 0; x < screenshot.getWidth(); x++) {
                    if ((screenshot.getRGB(x, y) & 0xffffff) == rgb) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    public Rendering render(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        List<String> log = run(List.of(
                "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(),
                "--enable-logging=stderr",
                "--v=0",
                page.toUri().toString()));
        List<String> console = log.stream().filter(l -> l.contains(":CONSOLE")).toList();
        String dom = String.join("\n", run(List.of("--dump-dom", page.toUri().toString())));
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException("Chromium wrote no screenshot to " + png + ": " + log);
        }
        return new Rendering(image, console, dom);
    }

    private List<String> run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("lenet-chromium-");
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--user-data-dir=" + profile));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines;
        try (var out = process.getInputStream()) {
            lines = new String(out.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Chromium did not finish in a minute: " + command);
        }
        return lines;
    }

    /** {@code HeadlessChromium PAGE PNG [WIDTH HEIGHT]}: the screenshot the docs show, taken as the test takes it. */
    public static void main(String[] args) throws Exception {
        HeadlessChromium chromium = find().orElseThrow(() ->
                new IllegalStateException("no Chromium: install Debian's chromium package, or set LENET_CHROMIUM"));
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1200;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 4400;
        Rendering rendering = chromium.render(Path.of(args[0]), Path.of(args[1]), width, height);
        if (!rendering.console().isEmpty()) {
            throw new IllegalStateException("the page wrote to the console: " + rendering.console());
        }
        System.out.println(args[1] + ": " + rendering.screenshot().getWidth() + "x"
                + rendering.screenshot().getHeight());
    }
}
