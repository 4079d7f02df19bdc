package dev.lenet.contract;

import java.util.List;
import java.util.Map;

/**
 * The model card's fields a consumer reads (the card, {@value ModelArtifact#CARD_JSON}, holds more: the history, the
 * hyperparameters, the data's hashes). Every card lenet:train has written carries these.
 *
 * @param format the card's format, {@value #FORMAT} today
 * @param parameters the number of trained parameters
 * @param classes the class names, in index order; null on the cards of models older than class names (MNIST's
 *     digits)
 * @param testAccuracy the accuracy on the test set when the model was built
 */
public record CardSummary(
        String format,
        String model,
        int parameters,
        List<String> classes,
        double testAccuracy,
        long testImages,
        long trainImages,
        String tensorflowVersion,
        String lenetVersion) {

    /** The format lenet:train writes; a consumer reads every {@code lenet-model-card/N}. */
    public static final String FORMAT = "lenet-model-card/2";

    private static final String FORMAT_PREFIX = "lenet-model-card/";

    /**
     * Reads a card's JSON.
     *
     * @param origin how errors name the card
     * @throws ModelException when it is not JSON, not a LeNet model card, or lacks a field
     */
    public static CardSummary parse(String json, String origin) {
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ModelException(origin + ": not a LeNet model card (" + e.getMessage() + ")", e);
        }
        if (!(parsed instanceof Map<?, ?> card)
                || !(card.get("format") instanceof String format)
                || !format.startsWith(FORMAT_PREFIX)) {
            throw new ModelException(origin + ": not a LeNet model card (no \"format\": \"" + FORMAT_PREFIX
                    + "N\"). Rebuild the model with lenet:train");
        }
        Fields fields = new Fields(card, origin);
        return new CardSummary(
                format,
                fields.text("model"),
                (int) fields.number("parameters"),
                fields.texts("classes"),
                fields.number("testAccuracy"),
                (long) fields.number("testImages"),
                (long) fields.number("trainImages"),
                fields.text("tensorflowVersion"),
                fields.text("lenetVersion"));
    }

    private record Fields(Map<?, ?> card, String origin) {
        double number(String name) {
            if (card.get(name) instanceof Double value) {
                return value;
            }
            throw missing(name, "a number");
        }

        String text(String name) {
            Object value = card.get(name);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw missing(name, "text");
        }

        List<String> texts(String name) {
            if (card.get(name) == null) {
                return null;
            }
            if (card.get(name) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            throw missing(name, "a list of names");
        }

        ModelException missing(String name, String kind) {
            return new ModelException(origin + ": the model card's \"" + name + "\" is not " + kind + " (it is "
                    + card.get(name) + "). Rebuild the model with lenet:train");
        }
    }
}
