package dev.lenet.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardSummaryTest {
    /** The head of a card as lenet:train writes it (the rest of it is the consumer's to skip). */
    static final String CARD = "{\"format\":\"lenet-model-card/2\",\"model\":\"LeNet-5\",\"parameters\":61706,"
            + "\"classes\":[\"0\",\"1\"],\"testAccuracy\":0.9914,\"testCorrect\":9914,\"testImages\":10000,"
            + "\"trainImages\":60000,\"perClassAccuracy\":[0.99,0.98],\"confusionMatrix\":[[1,0],[0,1]],"
            + "\"hyperparameters\":{\"epochs\":2,\"seed\":42},\"baseline\":null,\"device\":\"CPU\","
            + "\"tensorflowVersion\":\"2.18.0\",\"lenetVersion\":\"1.0.0\"}";

    @Test
    void readsTheFieldsAConsumerNeedsAndSkipsTheRest() {
        assertEquals(
                new CardSummary(
                        "lenet-model-card/2",
                        "LeNet-5",
                        61706,
                        List.of("0", "1"),
                        0.9914,
                        10000,
                        60000,
                        "2.18.0",
                        "1.0.0"),
                CardSummary.parse(CARD, "card.json"));
    }

    @Test
    void aCardWithoutClassNamesHasNone() {
        assertNull(CardSummary.parse(CARD.replace("\"classes\":[\"0\",\"1\"],", ""), "c")
                .classes());
    }

    @Test
    void refusesWhatIsNotALeNetCard() {
        assertEquals(
                "x.json: not a LeNet model card (no \"format\": \"lenet-model-card/N\"). Rebuild the model with"
                        + " lenet:train",
                assertThrows(ModelException.class, () -> CardSummary.parse("{\"format\":\"other/1\"}", "x.json"))
                        .getMessage());
        assertEquals(
                "x.json: not a LeNet model card (not JSON at character 1: a member name was expected)",
                assertThrows(ModelException.class, () -> CardSummary.parse("{,}", "x.json"))
                        .getMessage());
    }

    @Test
    void namesAFieldOfTheWrongKind() {
        assertEquals(
                "x.json: the model card's \"parameters\" is not a number (it is many). Rebuild the model with"
                        + " lenet:train",
                assertThrows(ModelException.class, () -> CardSummary.parse(CARD.replace("61706", "\"many\""), "x.json"))
                        .getMessage());
    }
}
