package dev.lenet.training;

import dev.lenet.InvalidParameterException;
import java.util.Locale;

/**
 * The learning rate at each training step. Of the base rate b, with e the 0-based epoch of E:
 * <ul>
 *   <li>constant: b throughout;</li>
 *   <li>step: b halved after every third of the epochs (x1, x0.5, x0.25), changing between epochs;</li>
 *   <li>cosine: b x (1 + cos(pi e / E)) / 2, from b down towards zero, changing between epochs;</li>
 *   <li>one-cycle: per step, rising linearly from b/10 to the peak b over the warm-up fraction of all steps, then
 *       falling linearly to b/finalDivisor at the last step (Smith's one-cycle policy, as PyTorch's OneCycleLR with
 *       linear annealing).</li>
 * </ul>
 */
public enum LearningRateSchedule {
    CONSTANT,
    STEP,
    COSINE,
    ONE_CYCLE;

    /** One-cycle starts at the peak divided by this. */
    static final double INITIAL_DIVISOR = 10;

    /**
     * @param step 0-based step of all {@code stepsPerEpoch x epochs}
     */
    public double rate(
            double base, long step, long stepsPerEpoch, int epochs, double warmupFraction, double finalDivisor) {
        long epoch = step / stepsPerEpoch;
        return switch (this) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(0.5, Math.floor(3.0 * epoch / epochs));
            case COSINE -> base * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
            case ONE_CYCLE -> oneCycle(base, step, stepsPerEpoch * epochs, warmupFraction, finalDivisor);
        };
    }

    private static double oneCycle(double peak, long step, long steps, double warmupFraction, double finalDivisor) {
        double start = peak / INITIAL_DIVISOR;
        double end = peak / finalDivisor;
        long warmup = Math.round(warmupFraction * steps);
        if (step < warmup) {
            return start + (peak - start) * step / warmup;
        }
        long falling = Math.max(1, steps - 1 - warmup);
        return peak + (end - peak) * Math.min(1.0, (double) (step - warmup) / falling);
    }

    public static LearningRateSchedule parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("ONECYCLE")) {
            return ONE_CYCLE;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("learningRateSchedule", text, "use constant, step, cosine or oneCycle");
        }
    }

    public String text() {
        return this == ONE_CYCLE ? "oneCycle" : name().toLowerCase(Locale.ROOT);
    }
}
