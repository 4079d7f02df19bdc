package dev.lenet.training;

import dev.lenet.model.LeNetParameter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The values of LeNet's ten parameter tensors, held in Java: the hand-over from training to export. The output
 * layer's bias has one value per class.
 */
public record TrainedWeights(Map<LeNetParameter, float[]> values) {

    public TrainedWeights {
        float[] outputBias = values.get(LeNetParameter.OUT_B);
        int classes = outputBias == null ? 0 : outputBias.length;
        for (LeNetParameter parameter : LeNetParameter.all()) {
            float[] value = values.get(parameter);
            if (value == null || value.length != parameter.size(classes)) {
                throw new IllegalArgumentException(
                        parameter.variableName() + " needs " + parameter.size(classes) + " values");
            }
        }
        values = new EnumMap<>(values);
    }

    /** The number of classes: units of the output layer. */
    public int classes() {
        return values.get(LeNetParameter.OUT_B).length;
    }

    public float[] get(LeNetParameter parameter) {
        return values.get(parameter);
    }

    public boolean sameBitsAs(TrainedWeights other) {
        for (LeNetParameter parameter : LeNetParameter.all()) {
            float[] a = get(parameter);
            float[] b = other.get(parameter);
            for (int i = 0; i < a.length; i++) {
                if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainedWeights weights && sameBitsAs(weights);
    }

    @Override
    public int hashCode() {
        return values.values().stream().mapToInt(Arrays::hashCode).sum();
    }
}
