package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageConversionTest {
    @TempDir
    Path temp;

    private static BufferedImage filled(int width, int height, int type, Color color) {
        BufferedImage image = new BufferedImage(width, height, type);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    @Test
    void aGreyImageKeepsItsOwnValuesThroughAFile() throws IOException {
        BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 5, 0, 100);
        Path png = temp.resolve("grey.png");
        ImageIO.write(grey, "png", png.toFile());
        byte[] pixels = ImageConversion.read(png, false);
        assertEquals(100, pixels[5 * 28 + 3] & 0xff, "not brightened by a colour-space conversion");
        assertEquals(0, pixels[0]);
    }

    /** Chunk by chunk, as a conversion of any size goes: every image, in the files' order, and the rate at the end. */
    @Test
    void convertingInChunksKeepsTheFilesOrder() throws IOException {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Path file = temp.resolve(i + ".png");
            ImageIO.write(
                    filled(28, 28, BufferedImage.TYPE_BYTE_GRAY, new Color(i * 20, i * 20, i * 20)),
                    "png",
                    file.toFile());
            files.add(file);
        }
        java.util.List<byte[]> images = new java.util.ArrayList<>();
        java.util.List<String> log = new java.util.ArrayList<>();
        ImageConversion.convertAll(files, false, images::add, log::add, 3);
        assertEquals(10, images.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 20, images.get(i)[0] & 0xff, "image " + i);
        }
        org.junit.jupiter.api.Assertions.assertTrue(
                log.get(log.size() - 1).matches("Decoded 10 images in [0-9.]+ s, [0-9,]+ images/s \\(\\d+ threads\\)"),
                log.toString());
    }

    @Test
    void progressIsABarWithTheCountTheRateAndTheTimeLeft() {
        Progress progress = new Progress("Decoding images", 700_000, line -> {}, 0);
        assertEquals(
                "Decoding images [######--------------] 31% 217,000 of 700,000, 4,340 images/s, about 1m51s left",
                progress.line(217_000, 50_000_000_000L));
        assertEquals(
                "Converting CSV rows [--------------------] 0% 10 of 700,000, 10 rows/s, about 19h26m left",
                new Progress("Converting CSV rows", 700_000, line -> {}, 0).line(10, 1_000_000_000L));
    }

    @Test
    void colourBecomesBt601Luma() {
        byte[] red = ImageConversion.convert(filled(28, 28, BufferedImage.TYPE_INT_RGB, new Color(255, 0, 0)), false);
        byte[] green = ImageConversion.convert(filled(28, 28, BufferedImage.TYPE_INT_RGB, new Color(0, 255, 0)), false);
        assertEquals(76, red[0] & 0xff); // 0.299 * 255 = 76.2
        assertEquals(150, green[0] & 0xff); // 0.587 * 255 = 149.7
    }

    @Test
    void shrinkingAveragesTheAreaEachPixelCovers() {
        // 56x56: a 2x2 chequerboard of 0 and 255 per output pixel averages to 127.5, rounded up
        BufferedImage board = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                board.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 255 : 0);
            }
        }
        byte[] pixels = ImageConversion.convert(board, false);
        for (byte p : pixels) {
            assertEquals(128, p & 0xff);
        }
        // 84 wide, 28 high: each output pixel covers three columns, here 0, 30 and 90
        BufferedImage stripes = new BufferedImage(84, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 84; x++) {
                stripes.getRaster().setSample(x, y, 0, new int[] {0, 30, 90}[x % 3]);
            }
        }
        assertEquals(40, ImageConversion.convert(stripes, false)[0] & 0xff);
    }

    @Test
    void invertTurnsDarkInkOnPaperLightOnDarkAndTransparencyIsBackground() {
        byte[] paper = ImageConversion.convert(filled(30, 30, BufferedImage.TYPE_INT_RGB, Color.WHITE), true);
        assertEquals(0, paper[0] & 0xff);
        BufferedImage clear = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        assertEquals(0, ImageConversion.convert(clear, false)[0] & 0xff);
        assertEquals(0, ImageConversion.convert(clear, true)[0] & 0xff);
    }

    @Test
    void aFileThatIsNoImageIsNamedWithWhatToDo() throws IOException {
        Path text = Files.writeString(temp.resolve("notes.png"), "not a picture");
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> ImageConversion.read(text, false));
        assertEquals(
                text + ": is not an image ImageIO can read (PNG, JPEG, BMP or GIF). Convert it to PNG, JPEG, BMP or"
                        + " GIF, or move it out of the dataset",
                e.getMessage());
    }

    @Test
    void aHeaderClaimingAHugePictureIsRefusedBeforeDecoding() throws IOException {
        // a PNG signature and header of 100,000 x 100,000 grey pixels, and no pixel data
        ByteBuffer png = ByteBuffer.allocate(8 + 25).order(ByteOrder.BIG_ENDIAN);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        png.putInt(13);
        int chunk = png.position();
        png.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(100_000).putInt(100_000).put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(png.array(), chunk, 17);
        png.putInt((int) crc.getValue());
        Path bomb = Files.write(temp.resolve("bomb.png"), png.array());
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> ImageConversion.read(bomb, false));
        assertEquals(
                bomb + ": is 100000x100000 pixels, more than 16777216 (4096x4096). LeNet sees 28x28: scale the image"
                        + " down first",
                e.getMessage());
    }

    @Test
    void aTruncatedImageKeepsItsCause() throws IOException {
        Path png = temp.resolve("cut.png");
        ImageIO.write(filled(40, 40, BufferedImage.TYPE_INT_RGB, Color.BLUE), "png", png.toFile());
        byte[] whole = Files.readAllBytes(png);
        Files.write(png, java.util.Arrays.copyOf(whole, whole.length / 2));
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> ImageConversion.read(png, false));
        assertInstanceOf(Exception.class, e.getCause());
        assertEquals(true, e.getMessage().startsWith(png + ": is not an image ImageIO can read"), e.getMessage());
    }

    @Test
    void aPictureTakesABudgetShareByItsSizeAndGivesItBack() throws IOException {
        ImageConversion.DecodeBudget budget =
                new ImageConversion.DecodeBudget(new java.util.concurrent.Semaphore(1024), 1024);
        assertEquals(256, budget.share(4096L * 4096L), "16 bytes a pixel at the decoding peak");
        assertEquals(1, budget.share(28 * 28));

        Path large = temp.resolve("large.png");
        ImageIO.write(new BufferedImage(1500, 1500, BufferedImage.TYPE_INT_RGB), "png", large.toFile());
        ImageConversion.DecodeBudget small = new ImageConversion.DecodeBudget(new java.util.concurrent.Semaphore(8), 8);
        assertEquals(8, small.share(1500L * 1500L), "more than the whole budget: it waits for all of it");
        assertEquals(784, ImageConversion.read(large, false, small).length);
        assertEquals(8, small.mebibytes().availablePermits(), "given back");
    }
}
