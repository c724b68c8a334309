#!/usr/bin/env python3
# NormLab export for Keras of the lab "Golden: the default graph".
#
# Task: binary classification, 1 output (sigmoid + binary cross-entropy).
# Data: Circle, 2 features (x1, x2); 4 training rows, 2 test rows, split as in NormLab.
# Weights: trained in NormLab to step 120, embedded.
# Training: adam, learning rate 0.03, batch size 4, L2 0, seed 1.
#
# Graph, in topological order (8 nodes):
#   input = Input "input" (2 features) -> width 2
#   dense1 = Dense "dense1" (8 units) -> width 8 <- input
#   bn1 = BatchNorm "bn1" (momentum 0.9, eps 0.001) -> width 8 <- dense1
#   act1 = Activation "act1" (ReLU) -> width 8 <- bn1
#   dense2 = Dense "dense2" (8 units) -> width 8 <- act1
#   bn2 = BatchNorm "bn2" (momentum 0.9, eps 0.001) -> width 8 <- dense2
#   act2 = Activation "act2" (ReLU) -> width 8 <- bn2
#   output = Output "output" (sigmoid + binary cross-entropy) -> width 1 <- act2
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
TASK = "binary"  # binary | multiclass | regression
INPUT_DIM = 2
OUTPUT_DIM = 1
SEED = 1
OPTIMIZER = "adam"  # sgd | momentum | adam | rmsprop
LEARNING_RATE = 0.03
BATCH_SIZE = 4
L2 = 0.0  # loss + L2 * sum(W^2) over the Dense kernels
SHUFFLE_SEED = 1522731872  # NormLab's batch order (derived from SEED)
TRAINED_STEP = 120  # the step the embedded weights were trained to


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
    input = keras.Input(shape=(INPUT_DIM,), name="input")
    # dense "dense1"
    dense1 = layers.Dense(8, use_bias=True, kernel_initializer=keras.initializers.RandomUniform(-0.7745966692414834, 0.7745966692414834, seed=2082448263),
        bias_initializer="zeros", kernel_regularizer=kernel_regularizer(), name="dense1")(input)
    bn1 = layers.BatchNormalization(momentum=0.9, epsilon=0.001, center=True, scale=True, name="bn1")(dense1)  # batchnorm "bn1"
    act1 = layers.Activation("relu", name="act1")(bn1)  # activation "act1"
    # dense "dense2"
    dense2 = layers.Dense(8, use_bias=True, kernel_initializer=keras.initializers.RandomUniform(-0.6123724356957945, 0.6123724356957945, seed=1894081340),
        bias_initializer="zeros", kernel_regularizer=kernel_regularizer(), name="dense2")(act1)
    bn2 = layers.BatchNormalization(momentum=0.9, epsilon=0.001, center=True, scale=True, name="bn2")(dense2)  # batchnorm "bn2"
    act2 = layers.Activation("relu", name="act2")(bn2)  # activation "act2"
    # output "output"
    output = layers.Dense(1, use_bias=True, kernel_initializer=keras.initializers.RandomUniform(-0.816496580927726, 0.816496580927726, seed=2141888792),
        bias_initializer="zeros", kernel_regularizer=kernel_regularizer(), name="output")(act2)
    return keras.Model(inputs=input, outputs=output, name="normlab")


def load_normlab_weights(model):
    """Sets every layer's weights from NORMLAB_WEIGHTS: Keras keeps tfjs's layout (kernel [in, out])."""
    w = {node: {name: floats(text) for name, text in named.items()} for node, named in NORMLAB_WEIGHTS.items()}
    model.get_layer("dense1").set_weights([w["dense1"]["kernel"].reshape(2, 8), w["dense1"]["bias"]])
    model.get_layer("bn1").set_weights([w["bn1"]["gamma"], w["bn1"]["beta"], w["bn1"]["moving_mean"], w["bn1"]["moving_variance"]])
    model.get_layer("dense2").set_weights([w["dense2"]["kernel"].reshape(8, 8), w["dense2"]["bias"]])
    model.get_layer("bn2").set_weights([w["bn2"]["gamma"], w["bn2"]["beta"], w["bn2"]["moving_mean"], w["bn2"]["moving_variance"]])
    model.get_layer("output").set_weights([w["output"]["kernel"].reshape(8, 1), w["output"]["bias"]])


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


# The trained weights in NormLab's (tfjs) layout: node id -> weight name -> float32 values,
# row-major (a Dense kernel is [inputs, units]), little-endian, base64.
NORMLAB_WEIGHTS = {
    "dense1": {
        "kernel": """
CtcjPArXozyPwvU8CtcjPc3MTD2PwnU9KVyPPQrXoz3sUbg9zczMPa5H4T2PwvU9uB4FPilcDz6a
mRk+CtcjPg==
        """,
        "bias": "CtcjvY/C9bwK16O8CtcjvAAAAAAK1yM8CtejPI/C9Tw=",
    },
    "bn1": {
        "gamma": "ZmZmP8P1aD8fhWs/exRuP9ejcD8zM3M/j8J1P+xReD8=",
        "beta": "CtejvArXI7wAAAAACtcjPArXozyPwvU8CtcjPc3MTD0=",
        "moving_mean": "j8L1PArXIz3NzEw9j8J1PSlcjz0K16M97FG4Pc3MzD0=",
        "moving_variance": "AAAAP1yPAj+4HgU/FK4HP3E9Cj/NzAw/KVwPP4XrET8=",
    },
    "dense2": {
        "kernel": """
mpmZvuF6lL4pXI++cT2Kvrgehb4AAIC+j8J1vh+Fa76uR2G+PQpXvs3MTL5cj0K+7FE4vnsULr4K
1yO+mpkZvilcD764HgW+j8L1va5H4b3NzMy97FG4vQrXo70pXI+9j8J1vc3MTL0K1yO9j8L1vArX
o7wK1yO8AAAAAArXIzwK16M8j8L1PArXIz3NzEw9j8J1PSlcjz0K16M97FG4Pc3MzD2uR+E9j8L1
PbgeBT4pXA8+mpkZPgrXIz57FC4+7FE4PlyPQj7NzEw+PQpXPq5HYT4fhWs+j8J1PgAAgD64HoU+
cT2KPilcjz7hepQ+mpmZPlK4nj4K16M+w/WoPg==
        """,
        "bias": "CtcjPArXozyPwvU8CtcjPc3MTD2PwnU9KVyPPQrXoz0=",
    },
    "bn2": {
        "gamma": "MzNzP4/CdT/sUXg/SOF6P6RwfT8AAIA/rkeBP1yPgj8=",
        "beta": "AAAAAArXIzwK16M8j8L1PArXIz3NzEw9j8J1PSlcjz0=",
        "moving_mean": "j8L1vArXo7wK1yO8AAAAAArXIzwK16M8j8L1PArXIz0=",
        "moving_variance": "MzMzP4/CNT/sUTg/SOE6P6RwPT8AAEA/XI9CP7geRT8=",
    },
    "output": {
        "kernel": "CtcjvY/C9bwK16O8CtcjvAAAAAAK1yM8CtejPI/C9Tw=",
        "bias": "zcxMPQ==",
    },
}


# The dataset, split as in NormLab. x: rows of INPUT_DIM features; y: the class index
# (classification) or the target (regression). float32, little-endian, base64.
DATA = {
    "name": "Circle",
    "features": ["x1", "x2"],
    "x_train": "AAAAPwAAgL8AAIBAAABQQAAAAMAAAAA+AACAPwAAgD8=",
    "y_train": "AACAPwAAAAAAAIA/AACAPw==",
    "x_test": "AACQwAAAAEAAAAAAAAAAAA==",
    "y_test": "AAAAAAAAgD8=",
}


if __name__ == "__main__":
    sys.exit(main())
