package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.lenet.data.Dataset;
import dev.lenet.model.LeNetParameter;
import dev.lenet.training.TrainedWeights;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxExportTest {
    static TrainedWeights weights(long seed) {
        Random random = new Random(seed);
        Map<LeNetParameter, float[]> values = new EnumMap<>(LeNetParameter.class);
        for (LeNetParameter p : LeNetParameter.all()) {
            float[] v = new float[p.size(10)];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextFloat() - 0.5f;
            }
            values.put(p, v);
        }
        return new TrainedWeights(values);
    }

    @Test
    void aKernelMovesFromHeightWidthInOutToOutInHeightWidth() {
        // 2x3 kernel, 2 input channels, 4 output channels: each value names its own HWIO position
        long[] shape = {2, 3, 2, 4};
        float[] hwio = new float[2 * 3 * 2 * 4];
        for (int h = 0; h < 2; h++) {
            for (int w = 0; w < 3; w++) {
                for (int i = 0; i < 2; i++) {
                    for (int o = 0; o < 4; o++) {
                        hwio[((h * 3 + w) * 2 + i) * 4 + o] = 1000 * h + 100 * w + 10 * i + o;
                    }
                }
            }
        }
        float[] oihw = OnnxExport.oihw(hwio, shape);
        assertEquals(1000 * 1 + 100 * 2 + 10 * 1 + 3, oihw[((3 * 2 + 1) * 2 + 1) * 3 + 2]);
        assertEquals(100 * 1 + 2, oihw[((2 * 2) * 2) * 3 + 1]);
    }

    @Test
    void theInterfaceIsTheSavedModelsWithAStatedOpset() throws Exception {
        ModelProto model = ModelProto.parseFrom(OnnxExport.bytes(weights(1), true, Dataset.DIGITS));
        assertEquals(OnnxExport.OPSET, model.getOpsetImport(0).getVersion());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(
                List.of("image"),
                model.getGraph().getInputList().stream()
                        .map(ValueInfoProto::getName)
                        .toList());
        ValueInfoProto image = model.getGraph().getInput(0);
        assertEquals(
                TensorProto.DataType.UINT8_VALUE,
                image.getType().getTensorType().getElemType());
        assertEquals(
                "batch", image.getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals(28, image.getType().getTensorType().getShape().getDim(1).getDimValue());
        assertEquals(28, image.getType().getTensorType().getShape().getDim(2).getDimValue());
        assertEquals(
                List.of("logits", "probabilities", "class"),
                model.getGraph().getOutputList().stream()
                        .map(ValueInfoProto::getName)
                        .toList());
        assertEquals(
                TensorProto.DataType.INT64_VALUE,
                model.getGraph().getOutput(2).getType().getTensorType().getElemType());
        long weights = model.getGraph().getInitializerList().stream()
                .filter(t -> t.getDataType() == TensorProto.DataType.FLOAT_VALUE && t.getDimsCount() > 0)
                .mapToLong(t -> t.getRawData().size() / 4)
                .sum();
        assertEquals(LeNetParameter.totalSize(10), weights);
    }

    @Test
    void theSameWeightsGiveTheSameBytesAndOtherWeightsOthers() {
        assertArrayEquals(
                OnnxExport.bytes(weights(1), true, Dataset.DIGITS), OnnxExport.bytes(weights(1), true, Dataset.DIGITS));
        assertEquals(
                false,
                java.util.Arrays.equals(
                        OnnxExport.bytes(weights(1), true, Dataset.DIGITS),
                        OnnxExport.bytes(weights(2), true, Dataset.DIGITS)));
    }
}
