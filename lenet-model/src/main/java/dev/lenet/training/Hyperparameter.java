package dev.lenet.training;

import dev.lenet.InvalidParameterException;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting of a training run, declared once (in {@link Hyperparameters}): its name, default, valid range and
 * description. The plugin's parameter, the command-line option, the model card, the ML-BOM and the fingerprint that
 * decides whether an earlier model or checkpoint still answers are all derived from it.
 *
 * @param <T> the value's type
 */
public final class Hyperparameter<T> {
    private final String name;
    private final String defaultText;
    private final String description;
    private final Function<String, T> parse;
    private final Predicate<T> valid;
    private final String range;
    private final Function<T, Object> recorded;
    private final Function<T, String> text;
    private final boolean inMlBom;

    private Hyperparameter(Spec<T> spec) {
        this.name = spec.name;
        this.defaultText = spec.defaultText;
        this.description = spec.description;
        this.parse = spec.parse;
        this.valid = spec.valid;
        this.range = spec.range;
        this.recorded = spec.recorded;
        this.text = spec.text;
        this.inMlBom = spec.inMlBom;
    }

    /** The name of the pom element, of {@code -Dlenet.NAME}, and of the card's field. */
    public String name() {
        return name;
    }

    /** The default as the plugin's parameter takes it. */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** The command-line option: {@code --batch-size} for {@code batchSize}. */
    public String option() {
        return "--" + name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    public T defaultValue() {
        return parse(defaultText);
    }

    /** The value of {@code text}, checked against the range. */
    public T parse(String text) {
        T value;
        try {
            value = parse.apply(text.strip());
        } catch (InvalidParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidParameterException(name, text, range, e);
        }
        return check(value);
    }

    /** {@code value} if it lies in the range; else the error naming this setting, the value and the range. */
    public T check(T value) {
        if (!valid.test(value)) {
            throw new InvalidParameterException(name, value, range);
        }
        return value;
    }

    /** What the model card and the ML-BOM record of {@code value}: the value itself unless the spec says otherwise. */
    public Object recorded(T value) {
        return recorded.apply(value);
    }

    /** {@code value} as {@link #parse} reads it back: the same value, to the bit. */
    public String text(T value) {
        return text.apply(value);
    }

    /** True when the ML-BOM lists this setting among the model's hyperparameters. */
    public boolean inMlBom() {
        return inMlBom;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares a setting: its name, default and the text that says what it does. */
    static <T> Spec<T> define(String name, String defaultText, Function<String, T> parse, String description) {
        return new Spec<>(name, defaultText, parse, description);
    }

    /** The declaration under way; {@link #build()} checks the default against the range. */
    static final class Spec<T> {
        private final String name;
        private final String defaultText;
        private final Function<String, T> parse;
        private final String description;
        private Predicate<T> valid = value -> true;
        private String range = "";
        private Function<T, Object> recorded = value -> value;
        private Function<T, String> text = String::valueOf;
        private boolean inMlBom = true;

        private Spec(String name, String defaultText, Function<String, T> parse, String description) {
            this.name = name;
            this.defaultText = defaultText;
            this.parse = parse;
            this.description = description;
        }

        /** @param range what a valid value is and, where it helps, a usual one: the error's text */
        Spec<T> valid(Predicate<T> valid, String range) {
            this.valid = valid;
            this.range = range;
            return this;
        }

        Spec<T> recorded(Function<T, Object> recorded) {
            this.recorded = recorded;
            return this;
        }

        /** How a value is written so that {@link Hyperparameter#parse} reads it back, where not by its toString. */
        Spec<T> text(Function<T, String> text) {
            this.text = text;
            return this;
        }

        Spec<T> notInMlBom() {
            this.inMlBom = false;
            return this;
        }

        Hyperparameter<T> build() {
            Hyperparameter<T> hyperparameter = new Hyperparameter<>(this);
            hyperparameter.defaultValue();
            return hyperparameter;
        }
    }
}
