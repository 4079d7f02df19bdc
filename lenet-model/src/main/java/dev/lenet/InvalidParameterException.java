package dev.lenet;

/**
 * A configuration value that cannot work. Carries the parameter's name and the bad value so that an adapter
 * (the Maven plugin, the command line) can name it in its own terms. The message reads
 * {@code Invalid epochs '0': train for at least 1 and at most 10000 epochs}; an adapter appends where the value came
 * from and keeps the message whole, so that a tool that prints the cause after the message (Maven does) finds it
 * already said.
 */
public final class InvalidParameterException extends LeNetException {
    private final String parameter;
    private final String value;
    private final String problem;

    public InvalidParameterException(String parameter, Object value, String problemAndFix) {
        this(parameter, value, problemAndFix, null);
    }

    public InvalidParameterException(String parameter, Object value, String problemAndFix, Throwable cause) {
        super("Invalid " + parameter + " '" + value + "': " + problemAndFix, cause);
        this.parameter = parameter;
        this.value = String.valueOf(value);
        this.problem = problemAndFix;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    /** What is wrong and how to fix it, without the parameter and its value. */
    public String problem() {
        return problem;
    }
}
