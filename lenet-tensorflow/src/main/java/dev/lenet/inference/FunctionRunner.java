package dev.lenet.inference;

import static org.tensorflow.internal.c_api.global.tensorflow.TFE_ContextAddFunctionDef;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteContext;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteContextOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteOp;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteTensorHandle;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_Execute;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewContext;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewContextOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewOp;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewTensorHandle;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_OpAddInput;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_TensorHandleResolve;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_AllocateTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteTensor;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorByteSize;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_TensorData;

import dev.lenet.contract.ModelException;
import dev.lenet.contract.ModelSignature;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.Signature;
import org.tensorflow.internal.c_api.TFE_Context;
import org.tensorflow.internal.c_api.TFE_ContextOptions;
import org.tensorflow.internal.c_api.TFE_Op;
import org.tensorflow.internal.c_api.TFE_TensorHandle;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.TF_Tensor;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;

/**
 * Runs a frozen serving graph as a TensorFlow function in an eager context of its own. Not a session over the graph:
 * creating one runs TensorFlow's V1 graph passes, which log through absl, before anything has initialized it, straight
 * to the process's standard error whatever TF_CPP_MIN_LOG_LEVEL says, so every application that classifies would
 * print two TensorFlow lines of its own accord. A function runs without them.
 *
 * <p>Calls go through TensorFlow's C API (TensorFlow Java's own bindings) rather than TensorFlow Java's eager
 * {@code Ops}: those copy each input into a new constant op and keep their native handles, in a set that is not
 * thread-safe, until the garbage collector frees them. Here each call frees what it made, and concurrent calls run
 * independently, as in a session.
 */
final class FunctionRunner implements ModelRunner {
    private TFE_Context context;
    private final String function;
    private final int outputs;
    private final int probabilitiesOutput;

    FunctionRunner(ServingGraph graph) {
        FunctionDef definition;
        List<String> outputNames;
        try (Graph imported = new Graph()) {
            imported.importGraphDef(graph.metaGraph().getGraphDef());
            Signature.Builder signature = Signature.builder().key(ModelSignature.SIGNATURE);
            graph.signature()
                    .getInputsMap()
                    .forEach((name, info) -> signature.input(name, imported.outputOrThrow(info.getName())));
            graph.signature()
                    .getOutputsMap()
                    .forEach((name, info) -> signature.output(name, imported.outputOrThrow(info.getName())));
            try (ConcreteFunction concrete = ConcreteFunction.create(signature.build(), imported)) {
                definition = concrete.getFunctionDef();
                outputNames = new ArrayList<>(concrete.signature().outputNames());
            }
        }
        this.function = definition.getSignature().getName();
        this.outputs = outputNames.size();
        this.probabilitiesOutput = outputNames.indexOf(ModelSignature.PROBABILITIES);
        try (PointerScope scope = new PointerScope()) {
            TF_Status status = TF_Status.newStatus();
            TFE_ContextOptions options = TFE_NewContextOptions();
            this.context = TFE_NewContext(options, status);
            TFE_DeleteContextOptions(options);
            status.throwExceptionIfNotOK();
            byte[] serialized = definition.toByteArray();
            TFE_ContextAddFunctionDef(context, new BytePointer(serialized), serialized.length, status);
            if (TF_GetCode(status) != TF_OK) {
                TFE_DeleteContext(context);
                status.throwExceptionIfNotOK();
            }
        }
    }

    @Override
    public void probabilities(byte[] pixels, int count, float[] into) {
        try (PointerScope scope = new PointerScope()) {
            TF_Status status = TF_Status.newStatus();
            TF_Tensor images = TF_AllocateTensor(
                    DataType.DT_UINT8_VALUE,
                    new long[] {count, ModelSignature.ROWS, ModelSignature.COLUMNS},
                    3,
                    pixels.length);
            new BytePointer(TF_TensorData(images)).capacity(pixels.length).put(pixels);
            TFE_TensorHandle input = TFE_NewTensorHandle(images, status);
            TF_DeleteTensor(images); // the handle holds its own reference
            status.throwExceptionIfNotOK();
            PointerPointer<TFE_TensorHandle> results = new PointerPointer<>(outputs);
            IntPointer resultCount = new IntPointer(1).put(outputs);
            TFE_Op call = TFE_NewOp(context, function, status);
            try {
                status.throwExceptionIfNotOK();
                TFE_OpAddInput(call, input, status);
                status.throwExceptionIfNotOK();
                TFE_Execute(call, results, resultCount, status);
                status.throwExceptionIfNotOK();
            } finally {
                TFE_DeleteOp(call);
                TFE_DeleteTensorHandle(input);
            }
            try {
                TF_Tensor probabilities =
                        TFE_TensorHandleResolve(results.get(TFE_TensorHandle.class, probabilitiesOutput), status);
                status.throwExceptionIfNotOK();
                long bytes = TF_TensorByteSize(probabilities);
                if (bytes != (long) into.length * Float.BYTES) {
                    TF_DeleteTensor(probabilities);
                    throw new ModelException("the model's probabilities output holds " + bytes / Float.BYTES
                            + " values for " + count + " images, not the " + into.length + " its signature"
                            + " promises: the model is not a LeNet classifier as lenet:train exports it");
                }
                new FloatPointer(TF_TensorData(probabilities))
                        .capacity(into.length)
                        .get(into);
                TF_DeleteTensor(probabilities);
            } finally {
                for (int i = 0; i < resultCount.get(); i++) {
                    TFE_DeleteTensorHandle(results.get(TFE_TensorHandle.class, i));
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            TFE_DeleteContext(context);
            context = null;
        }
    }
}
