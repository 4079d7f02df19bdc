package dev.lenet.training;

import dev.lenet.Versions;
import dev.lenet.data.Dataset;
import dev.lenet.data.DatasetIdentity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides a trained model's bits, each by name: the data's classes and hashes, every hyperparameter
 * (threads as the number used), the device asked for, the validation and stopping rules, and the versions. The one
 * definition both a checkpoint's resumption and the up-to-date check compare. Not in it: the time budget (a run it cut
 * short is judged by its own rule) and the gates, which judge a model but do not make it.
 */
public record Fingerprint(Map<String, String> values) {

    public Fingerprint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Fingerprint of(TrainingConfig config, Dataset data) {
        return of(config, data.identity());
    }

    public static Fingerprint of(TrainingConfig config, DatasetIdentity data) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("classes", String.valueOf(data.classes()));
        values.put("train images SHA-256", data.trainImagesSha256());
        values.put("train labels SHA-256", data.trainLabelsSha256());
        values.put("test images SHA-256", data.testImagesSha256());
        values.put("test labels SHA-256", data.testLabelsSha256());
        config.recorded().forEach((name, value) -> values.put(name, String.valueOf(value)));
        values.put("device", config.device().text());
        Stopping rules = config.stopping();
        values.put(
                "validation and stopping rules",
                List.of(rules.validationSize(), rules.monitor().text(), rules.patience(), rules.minDelta())
                        .toString());
        values.put("TensorFlow version", Versions.tensorflow());
        values.put("lenet version", Versions.lenet());
        return new Fingerprint(values);
    }

    /** What differs from {@code earlier}, one sentence a value; empty when nothing does. */
    public List<String> changesSince(Fingerprint earlier) {
        List<String> changes = new ArrayList<>();
        values.forEach((name, now) -> {
            String before = earlier.values().get(name);
            if (!Objects.equals(before, now)) {
                changes.add(name + " changed from " + before + " to " + now);
            }
        });
        earlier.values().keySet().stream()
                .filter(name -> !values.containsKey(name))
                .forEach(name -> changes.add(name + " is no longer part of a run"));
        return changes;
    }

    /** One line, as a checkpoint stores it. */
    public String text() {
        return values.toString();
    }
}
