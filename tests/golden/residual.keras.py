#!/usr/bin/env python3
# NormLab export for Keras.
#
# Task: multiclass classification, 3 outputs (softmax + cross-entropy).
# Data: not included (export "with the data" to train and evaluate here; --inputs runs your rows).
# Weights: not included; a fresh seeded initialization (seed 7).
# Training: rmsprop, learning rate 0.005, batch size 16, L2 0.001, seed 7.
#
# Graph, in topological order (10 nodes):
#   in_ = Input "in" (2 features) -> width 2
#   my_layer_v2_ = Dense "my-layer.v2:" (4 units, no bias) -> width 4 <- in_
#   proj = Dense "proj" (4 units) -> width 4 <- in_
#   class_ = LayerNorm "class" (eps 0.00001, center off) -> width 4 <- my_layer_v2_
#   n3 = Activation "3" (GELU) -> width 4 <- class_
#   sum_ = Add "sum" (x1 + x2 + …) -> width 4 <- n3, proj
#   cat = Concatenate "cat" ([x1, x2, …]) -> width 6 <- sum_, in_
#   bn = BatchNorm "bn" (momentum 0.99, eps 1e-30, scale off) -> width 6 <- cat
#   leaky = Activation "leaky" (Leaky ReLU, alpha 0.1) -> width 6 <- bn
#   out = Output "out" (softmax + cross-entropy) -> width 3 <- leaky
#
# Run (TensorFlow 2.x with tf.keras, or Keras 3 on TensorFlow). No TensorFlow is reachable where
# NormLab's tests run: they check this file with python3 -m py_compile and against a numpy stand-in
# of the Keras calls it makes, not with Keras itself.
#   python3 normlab_keras.py                evaluates the embedded weights on the test rows
#   python3 normlab_keras.py --epochs 20    then trains 20 epochs on (MirroredStrategy on 2+ GPUs)
#   python3 normlab_keras.py --help         more: --inputs, --dump-outputs, --save, --cpu
#
# Conventions, NormLab (TensorFlow.js) -> Keras, checked by NormLab's tests:
# - tfjs-layers is a port of Keras: Dense kernels are [in, out] in both (no transpose), and
#     BatchNormalization momentum m means the same (running = m * running + (1 - m) * batch).
# - Epsilon as in NormLab (raised to 1e-12). center/scale off: Keras leaves beta/gamma out entirely.
# - Initializers: explicit RandomUniform/TruncatedNormal with the limits tfjs uses (Keras's own
#     'glorot_normal' rescales its truncated normal, tfjs's does not).
# - Activations by Keras name; 'gelu' is the exact erf form in both; swish = x * sigmoid(x).
# - Output: a linear Dense giving logits; losses use from_logits=True, mean over rows.
# - L2: kernel_regularizer L2(l2) on every Dense (Output included): l2 * sum(W^2), as NormLab.
# - Optimizers: SGD; SGD(momentum=0.9); RMSprop(rho=0.9, epsilon=1e-7) is exact (eps inside the
#     square root, as tfjs); Adam(epsilon=1e-7) is not exactly tfjs's: Keras adds epsilon to sqrt(v)
#     before bias correction ("epsilon hat"), i.e. tfjs eps times sqrt(1 - beta2^t); it matters only
#     while sqrt(v) is near 1e-7.
# - Batches: a seeded tf.data shuffle, full batches only (NormLab also leaves the last partial batch
#     out), but not NormLab's exact order.


import argparse
import base64
import json
import sys

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers


# Settings from NormLab.
TASK = "multiclass"  # binary | multiclass | regression
INPUT_DIM = 2
OUTPUT_DIM = 3
SEED = 7
OPTIMIZER = "rmsprop"  # sgd | momentum | adam | rmsprop
LEARNING_RATE = 0.005
BATCH_SIZE = 16
L2 = 0.001  # loss + L2 * sum(W^2) over the Dense kernels
SHUFFLE_SEED = 1107288293  # NormLab's batch order (derived from SEED)
TRAINED_STEP = None  # the step the embedded weights were trained to


def floats(text):
    """base64 of little-endian float32 values -> a 1-D float32 array."""
    return np.frombuffer(base64.b64decode(text), dtype="<f4").astype(np.float32)


def leaky_relu_layer(slope, name):
    """LeakyReLU with this negative slope: Keras 3 calls it negative_slope, tf.keras 2 alpha."""
    try:
        return layers.LeakyReLU(negative_slope=slope, name=name)
    except TypeError:
        return layers.LeakyReLU(alpha=slope, name=name)


def kernel_regularizer():
    """NormLab's L2: L2 * sum(W^2) added to the loss for every Dense kernel."""
    return keras.regularizers.L2(L2) if L2 > 0 else None


def build_model():
    """The NormLab graph as a Keras functional model, in topological order; it outputs the logits."""
    in_ = keras.Input(shape=(INPUT_DIM,), name="in_")
    # dense "my-layer.v2:"
    my_layer_v2_ = layers.Dense(4, use_bias=False, kernel_initializer=keras.initializers.TruncatedNormal(mean=0.0, stddev=1.0, seed=791383327),
        bias_initializer="zeros", kernel_regularizer=kernel_regularizer(), name="my_layer_v2_")(in_)
    # dense "proj"
    proj = layers.Dense(4, use_bias=True, kernel_initializer=keras.initializers.TruncatedNormal(mean=0.0, stddev=0.7071067811865476, seed=682243135),
        bias_initializer="zeros", kernel_regularizer=kernel_regularizer(), name="proj")(in_)
    class_ = layers.LayerNormalization(epsilon=0.00001, center=False, scale=True, name="class_")(my_layer_v2_)  # layernorm "class"
    n3 = layers.Activation("gelu", name="n3")(class_)  # activation "3"
    sum_ = layers.Add(name="sum_")([n3, proj])  # add "sum"
    cat = layers.Concatenate(axis=-1, name="cat")([sum_, in_])  # concatenate "cat"
    bn = layers.BatchNormalization(momentum=0.99, epsilon=1e-12, center=True, scale=False, name="bn")(cat)  # batchnorm "bn"
    leaky = leaky_relu_layer(0.1, name="leaky")(bn)  # activation "leaky"
    # output "out"
    out = layers.Dense(3, use_bias=True, kernel_initializer=keras.initializers.RandomUniform(-0.816496580927726, 0.816496580927726, seed=56102123),
        bias_initializer="zeros", kernel_regularizer=kernel_regularizer(), name="out")(leaky)
    return keras.Model(inputs=in_, outputs=out, name="normlab")


def make_optimizer():
    """NormLab's optimizer with tfjs's hyperparameters (see the conventions at the top)."""
    if OPTIMIZER == "sgd":
        return keras.optimizers.SGD(learning_rate=LEARNING_RATE)
    if OPTIMIZER == "momentum":
        return keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=0.9)
    if OPTIMIZER == "adam":
        return keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=0.9, beta_2=0.999, epsilon=1e-7)
    if OPTIMIZER == "rmsprop":
        return keras.optimizers.RMSprop(learning_rate=LEARNING_RATE, rho=0.9, momentum=0.0, epsilon=1e-7)
    raise ValueError(f"unknown optimizer {OPTIMIZER!r}")


def load_data():
    """DATA as arrays: x [rows, INPUT_DIM]; y [rows, 1] (class indices [rows] for multiclass)."""
    if DATA is None:
        return None

    def targets(name):
        y = floats(DATA[name])
        return y.astype(np.int64) if TASK == "multiclass" else y.reshape(-1, 1)

    return {
        "x_train": floats(DATA["x_train"]).reshape(-1, INPUT_DIM),
        "y_train": targets("y_train"),
        "x_test": floats(DATA["x_test"]).reshape(-1, INPUT_DIM),
        "y_test": targets("y_test"),
    }


def make_loss():
    """NormLab's loss on the logits, mean over rows."""
    if TASK == "binary":
        return keras.losses.BinaryCrossentropy(from_logits=True)
    if TASK == "multiclass":
        return keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    return keras.losses.MeanSquaredError()


def predict(model, x):
    """The logits in inference mode (BatchNormalization uses its moving statistics)."""
    if len(x) == 0:
        return np.zeros((0, OUTPUT_DIM), dtype=np.float32)
    return np.asarray(model.predict(x, batch_size=8192, verbose=0), dtype=np.float64)


def evaluate(model, x, y):
    """Test loss and accuracy (R^2 for regression), as NormLab measures them."""
    z = predict(model, x)
    if TASK == "binary":
        loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
        return {"loss": float(loss), "accuracy": float(np.mean((z > 0) == (y > 0.5)))}
    if TASK == "multiclass":
        top = z.max(axis=-1, keepdims=True)
        log_sum = top[:, 0] + np.log(np.exp(z - top).sum(axis=-1))
        loss = np.mean(log_sum - z[np.arange(len(y)), y])
        return {"loss": float(loss), "accuracy": float(np.mean(z.argmax(axis=-1) == y))}
    sse = float(((y - z) ** 2).sum())
    sst = float(((y - y.mean()) ** 2).sum())
    return {"loss": float(np.mean((z - y) ** 2)), "r2": 1 - sse / max(sst, 1e-12)}


def describe(metrics):
    words = {"loss": "test loss", "accuracy": "test accuracy", "r2": "test R^2"}
    return ", ".join(f"{words[k]} {v:.4f}" for k, v in metrics.items())


def main(argv=None):
    parser = argparse.ArgumentParser(description="NormLab's model in Keras: evaluates the embedded weights, then trains on.")
    parser.add_argument("--epochs", type=int, default=0, help="epochs to train after evaluating (default 0)")
    parser.add_argument("--inputs", metavar="FILE", help="JSON rows [[x1, x2, ...], ...] to run the model on (prints the logits)")
    parser.add_argument("--dump-outputs", metavar="FILE", help="write the logits on the test rows (or --inputs) and the metrics as JSON")
    parser.add_argument("--save", metavar="FILE", help="save the weights at the end (Keras 3 wants a name ending in .weights.h5)")
    parser.add_argument("--cpu", action="store_true", help="stay on the CPU even where GPUs are present")
    args = parser.parse_args(argv)
    if args.cpu:
        tf.config.set_visible_devices([], "GPU")
    keras.utils.set_random_seed(SEED)
    gpus = tf.config.list_physical_devices("GPU")
    # Several GPUs: one replica each, gradients summed across them (the batch is split among them).
    strategy = tf.distribute.MirroredStrategy() if len(gpus) > 1 else tf.distribute.get_strategy()
    with strategy.scope():
        model = build_model()
        if NORMLAB_WEIGHTS is not None:
            load_normlab_weights(model)
        model.compile(optimizer=make_optimizer(), loss=make_loss())
    if NORMLAB_WEIGHTS is not None:
        origin = "weights trained in NormLab" + (f" to step {TRAINED_STEP}" if TRAINED_STEP is not None else "")
    else:
        origin = f"a fresh initialization (seed {SEED})"
    print(f"NormLab {TASK} model on TensorFlow {tf.__version__} ({len(gpus)} GPUs, {strategy.num_replicas_in_sync} replicas)")
    data = load_data()
    result = {"task": TASK, "tensorflow": tf.__version__}
    if data is None:
        print("This file was exported without data: pass --inputs rows.json to run the model on your rows.")
        if args.epochs > 0:
            print("Nothing to train on.")
            return 2
    else:
        result["before"] = evaluate(model, data["x_test"], data["y_test"])
        print(f"{origin}: {describe(result['before'])}")
        if args.epochs > 0:
            n = len(data["x_train"])
            batches = (
                tf.data.Dataset.from_tensor_slices((data["x_train"], data["y_train"]))
                .shuffle(n, seed=SHUFFLE_SEED, reshuffle_each_iteration=True)
                .batch(max(1, min(BATCH_SIZE, n)), drop_remainder=True)
            )
            fit = model.fit(batches, epochs=args.epochs, verbose=2)
            result["history"] = [{"epoch": i + 1, "batch_loss": float(v)} for i, v in enumerate(fit.history["loss"])]
            result["after"] = evaluate(model, data["x_test"], data["y_test"])
            print(f"after {args.epochs} epochs: {describe(result['after'])}")
    if args.inputs or args.dump_outputs:
        if args.inputs:
            with open(args.inputs) as f:
                x = np.asarray(json.load(f), dtype=np.float32).reshape(-1, INPUT_DIM)
        else:
            x = data["x_test"] if data is not None else np.zeros((0, INPUT_DIM), dtype=np.float32)
        result["outputs"] = predict(model, x).tolist()
        if args.dump_outputs:
            with open(args.dump_outputs, "w") as f:
                json.dump(result, f)
        else:
            print(json.dumps(result["outputs"]))
    if args.save:
        model.save_weights(args.save)
    return 0


# Exported without weights: the model starts from a seeded initialization.
NORMLAB_WEIGHTS = None


# Exported without data.
DATA = None


if __name__ == "__main__":
    sys.exit(main())
