package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders a report in headless Chromium (Debian's {@code chromium}), as a reader's browser would.
 * {@code .ci/run} installs it and sets {@code STOREBENCH_CI=1}: under CI a missing browser fails
 * the test; elsewhere the test is skipped with a message saying how to install it.
 */
final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    static void requireInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = BINARY + " is missing: install Debian's chromium (apt-get install chromium) to render reports";
        if ("1".equals(System.getenv("STOREBENCH_CI"))) {
            throw new AssertionError(message + "; under CI (STOREBENCH_CI=1) this test must run");
        }
        Assumptions.abort(message);
    }

    /** Runs headless Chromium on {@code page} with {@code extra} arguments; returns its standard output. */
    private static String run(Path page, Path profile, String... extra) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish rendering " + page + " in 120 s");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }

    /**
     * Renders the page and checks that the browser built the charts (the DOM after parsing holds
     * every chart) and drew them (the screenshot holds the series colours of {@code engines} engines).
     */
    static void assertChartsRender(Path page, Path work, int engines, List<String> charts) throws Exception {
        requireInstalled();
        String dom = run(page, work.resolve("chromium-dom"), "--dump-dom");
        for (String chart : charts) {
            assertTrue(dom.contains("data-chart=\"" + chart + "\""), "the rendered page lacks the " + chart + " chart");
        }
        Path png = work.resolve("report.png");
        run(page, work.resolve("chromium-shot"), "--window-size=1200,5000", "--screenshot=" + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1200, image.getWidth());
        String[] colours = {"#1f77b4", "#d62728", "#2ca02c"};
        for (int e = 0; e < engines; e++) {
            int rgb = Integer.parseInt(colours[e].substring(1), 16);
            long pixels = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (close(image.getRGB(x, y) & 0xffffff, rgb)) {
                        pixels++;
                    }
                }
            }
            assertTrue(pixels > 500, "engine " + (e + 1) + "'s colour " + colours[e] + " covers only " + pixels
                    + " pixels of the rendered report: its charts were not drawn");
        }
    }

    private static boolean close(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return dr * dr + dg * dg + db * db < 40 * 40;
    }
}
