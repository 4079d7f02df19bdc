package dev.lenet.training;

import dev.lenet.model.LeNetParameter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** The values of LeNet's ten parameter tensors, held in Java: the hand-over from training to export. */
public record TrainedWeights(Map<LeNetParameter, float[]> values) {

    public TrainedWeights {
        for (LeNetParameter parameter : LeNetParameter.all()) {
            float[] value = values.get(parameter);
            if (value == null || value.length != parameter.size()) {
                throw new IllegalArgumentException(parameter.variableName() + " needs " + parameter.size() + " values");
            }
        }
        values = new EnumMap<>(values);
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
