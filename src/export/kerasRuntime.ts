import { KERAS_TABLE } from './kerasTable';
import { pyFloat } from './python';

/**
 * The parts of the Keras file that do not depend on the graph: decoding, helpers, evaluation
 * (the same figures as NormLab), training with model.fit under a MirroredStrategy when several
 * GPUs are present, main. Python source as text.
 */

export const KERAS_IMPORTS = `import argparse
import base64
import json
import sys

import numpy as np
import tensorflow as tf
from tensorflow import keras

layers = keras.layers`;

export const KERAS_HELPERS = `def floats(text):
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
    return keras.regularizers.L2(L2) if L2 > 0 else None`;

export const KERAS_TRAINING = `def load_data():
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
    return 0`;

/** make_optimizer(): NormLab's optimizer in Keras terms, from KERAS_TABLE. */
export function kerasMakeOptimizer(): string {
  const o = KERAS_TABLE.optimizers;
  const args = (named: Readonly<Record<string, number>>) =>
    Object.entries(named)
      .map(([k, v]) => `, ${k}=${pyFloat(v)}`)
      .join('');
  return `def make_optimizer():
    """NormLab's optimizer with tfjs's hyperparameters (see the conventions at the top)."""
    if OPTIMIZER == "sgd":
        return keras.optimizers.SGD(learning_rate=LEARNING_RATE${args(o.sgd)})
    if OPTIMIZER == "momentum":
        return keras.optimizers.SGD(learning_rate=LEARNING_RATE${args(o.momentum)})
    if OPTIMIZER == "adam":
        return keras.optimizers.Adam(learning_rate=LEARNING_RATE${args(o.adam)})
    if OPTIMIZER == "rmsprop":
        return keras.optimizers.RMSprop(learning_rate=LEARNING_RATE${args(o.rmsprop)})
    raise ValueError(f"unknown optimizer {OPTIMIZER!r}")`;
}
