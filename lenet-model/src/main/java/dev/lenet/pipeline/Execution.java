package dev.lenet.pipeline;

import dev.lenet.log.BuildLog;
import dev.lenet.log.LoggingListener;
import dev.lenet.training.Device;

/**
 * Where a {@link Job} runs: in this JVM, or in a child JVM (oneDNN on, native logs quiet, ended with its build). The
 * goals ask for the work through this one seam, and never which JVM does it.
 */
public interface Execution extends AutoCloseable {
    RunReport train(Job.Train job, BuildLog log);

    /** Gets ready for a job on {@code device} that is likely to come: where starting takes long, starts now. */
    default void startEarly(Device device, BuildLog log) {}

    /** Lets go of anything started early that no job took. */
    @Override
    default void close() {}

    EvaluationPipeline.Report evaluate(Job.Evaluate job, BuildLog log);

    /** Runs the pipelines here, in the calling JVM. */
    static Execution inThisJvm() {
        return new Execution() {
            @Override
            public RunReport train(Job.Train job, BuildLog log) {
                return RunReport.of(TrainingPipeline.execute(job, new LoggingListener(log)));
            }

            @Override
            public EvaluationPipeline.Report evaluate(Job.Evaluate job, BuildLog log) {
                return EvaluationPipeline.execute(job);
            }
        };
    }
}
