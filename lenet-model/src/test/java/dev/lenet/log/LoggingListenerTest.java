package dev.lenet.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lenet.training.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingListenerTest {

    private static EpochRecord epoch(int epoch, int epochs, double seconds) {
        return new EpochRecord(epoch, epochs, 0.001, 0.1, 0.97, null, null, 0.98, seconds, 60_000 / seconds, -1);
    }

    private static String eta(String line) {
        return line.substring(line.lastIndexOf("ETA ") + 4);
    }

    @Test
    void theEtaCountsTheEpochsLeftAtTheTimeOfTheEpochsTimed() {
        List<String> lines = new ArrayList<>();
        LoggingListener listener = new LoggingListener(new ListLog(lines));
        listener.epochEnded(epoch(1, 8, 4.0));
        listener.epochEnded(epoch(2, 8, 6.0));
        assertEquals(
                List.of("28s", "30s"),
                lines.stream().map(LoggingListenerTest::eta).toList());
    }

    @Test
    void afterAResumeOnlyTheEpochsOfThisRunAreTimed() {
        List<String> lines = new ArrayList<>();
        LoggingListener listener = new LoggingListener(new ListLog(lines));
        listener.resumed(3);
        listener.epochEnded(epoch(4, 8, 4.0));
        listener.epochEnded(epoch(5, 8, 4.0));
        listener.epochEnded(epoch(8, 8, 4.0));
        assertEquals("Resuming from the checkpoint written after epoch 3 (same inputs)", lines.get(0));
        assertEquals(
                List.of("16s", "12s", "0s"),
                lines.subList(1, 4).stream().map(LoggingListenerTest::eta).toList());
    }
}
