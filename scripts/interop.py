"""Checks the model artifact with other runtimes: TensorFlow for Python (the SavedModel), TFLite (converted from
it) and ONNX Runtime for Python (model.onnx, after ONNX's own checker), each against TensorFlow on the MNIST test
set. Prints one line per runtime; exits 1 when a runtime disagrees with TensorFlow on any image's class.

Usage: interop.py MODEL_JAR MNIST_DIR WORK_DIR
"""
import os
import sys
import warnings
import zipfile

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
warnings.filterwarnings("ignore")

import onnx  # noqa: E402
import onnxruntime  # noqa: E402
import tensorflow as tf  # noqa: E402


def idx(path, header):
    with open(path, "rb") as f:
        return np.frombuffer(f.read()[header:], dtype=np.uint8)


def report(name, classes, probabilities, reference):
    same = int((classes == reference["class"]).sum())
    largest = float(np.abs(probabilities - reference["probabilities"]).max())
    accuracy = float((classes == reference["labels"]).mean())
    print(f"{name}: same class as TensorFlow for {same}/{len(classes)} test images, largest probability"
          f" difference {largest:.2e}, accuracy {accuracy:.4f}")
    return same == len(classes)


def main(jar, mnist, work):
    with zipfile.ZipFile(jar) as z:
        z.extractall(work)
    model_dir = os.path.join(work, "lenet-model")
    images = idx(os.path.join(mnist, "t10k-images-idx3-ubyte"), 16).reshape(-1, 28, 28)
    labels = idx(os.path.join(mnist, "t10k-labels-idx1-ubyte"), 8).astype(np.int64)

    serve = tf.saved_model.load(model_dir).signatures["serving_default"]
    out = serve(image=tf.constant(images))
    reference = {"class": out["class"].numpy(), "probabilities": out["probabilities"].numpy(), "labels": labels}
    print(f"TensorFlow {tf.__version__} (SavedModel, serving_default): accuracy"
          f" {(reference['class'] == labels).mean():.4f} on {len(labels)} test images")

    converter = tf.lite.TFLiteConverter.from_saved_model(model_dir)
    tflite = converter.convert()
    interpreter = tf.lite.Interpreter(model_content=tflite)
    runner = interpreter.get_signature_runner("serving_default")
    lite = runner(image=images)
    ok = report(f"TFLite ({len(tflite)} bytes)", lite["class"], lite["probabilities"], reference)

    onnx_path = os.path.join(model_dir, "model.onnx")
    model = onnx.load(onnx_path)
    onnx.checker.check_model(model, full_check=True)
    session = onnxruntime.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
    logits, probabilities, classes = session.run(["logits", "probabilities", "class"], {"image": images})
    ok &= report(f"ONNX Runtime {onnxruntime.__version__} for Python (opset {model.opset_import[0].version},"
                 f" onnx.checker passed)", classes, probabilities, reference)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
