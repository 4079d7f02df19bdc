package dev.lenet;

/**
 * A configuration value that cannot work. Carries the parameter's name and the bad value so that an adapter
 * (the Maven plugin, the command line) can name it in its own terms.
 */
public final class InvalidParameterException extends LeNetException {
    private final String parameter;
    private final String value;

    public InvalidParameterException(String parameter, Object value, String problemAndFix) {
        super(parameter + " = " + value + ": " + problemAndFix);
        this.parameter = parameter;
        this.value = String.valueOf(value);
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    /** The message without the leading "parameter = value: ", for adapters that name the parameter themselves. */
    public String problem() {
        return getMessage().substring(parameter.length() + 3 + value.length() + 2);
    }
}
