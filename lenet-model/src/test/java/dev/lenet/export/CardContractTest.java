package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lenet.Slow;
import dev.lenet.contract.CardSummary;
import org.junit.jupiter.api.Test;

/** The card the trainer writes is the card the consumers read (lenet-contract's fields, read without Jackson). */
@Slow
class CardContractTest {
    @Test
    void consumersReadTheFieldsTheTrainerWrites() {
        ModelCard card = TinyModel.card();
        assertEquals(
                new CardSummary(
                        CardSummary.FORMAT,
                        card.model(),
                        card.parameters(),
                        card.classes(),
                        card.testAccuracy(),
                        card.testImages(),
                        card.trainImages(),
                        card.tensorflowVersion(),
                        card.lenetVersion()),
                CardSummary.parse(card.toJson(), "the card"));
    }
}
