"""Runs NormLab's exported Keras files against a numpy stand-in of the Keras API they use.

    python3 keras_standin.py jobs.json

No TensorFlow is reachable where NormLab's tests run, so this is not Keras: it is a stand-in that
accepts only the constructor arguments the real tf.keras / Keras 3 take (a misspelt or invented
argument fails), checks every set_weights list against the shapes Keras's layers hold, and computes
each layer's documented inference formula in float64. It checks the generated wiring (topological
order, input order, names), the weight layout and the file's own main, not Keras itself.

jobs.json: [{"script": "/tmp/a.py", "args": ["--dump-outputs", "/tmp/a.json"]}, ...]
"""
import contextlib
import json
import math
import runpy
import sys
import traceback
import types

import numpy as np

_erf = np.vectorize(math.erf)


def _check(kind, kwargs, allowed):
    unknown = set(kwargs) - set(allowed)
    if unknown:
        raise TypeError(f"{kind}() got unexpected keyword arguments {sorted(unknown)}")


class KTensor:
    """A symbolic tensor: the layer that made it, its inputs, and its width."""

    def __init__(self, layer, inputs, width):
        self.layer, self.inputs, self.width = layer, inputs, width


class Layer:
    ARGS = ("name",)

    def __init__(self, **kwargs):
        _check(type(self).__name__, kwargs, self.ARGS)
        self.kw = kwargs
        self.name = kwargs.get("name")
        self.weights = None

    def __call__(self, inputs):
        self.inputs = inputs if isinstance(inputs, list) else [inputs]
        self.in_width = sum(t.width for t in self.inputs)
        return KTensor(self, self.inputs, self.out_width())

    def out_width(self):
        return self.inputs[0].width

    def weight_shapes(self):
        return []

    def set_weights(self, values):
        shapes = [tuple(np.shape(v)) for v in values]
        if shapes != self.weight_shapes():
            raise ValueError(f"layer {self.name}: set_weights got shapes {shapes}, expected {self.weight_shapes()}")
        self.weights = [np.asarray(v, dtype=np.float64) for v in values]

    def weights_or_initial(self):
        if self.weights is None:
            raise ValueError(f"layer {self.name}: no weights set (the stand-in does not initialize)")
        return self.weights


class Dense(Layer):
    ARGS = ("units", "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer",
            "bias_regularizer", "name")

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def out_width(self):
        return self.units

    def weight_shapes(self):
        return [(self.in_width, self.units)] + ([(self.units,)] if self.kw.get("use_bias", True) else [])

    def compute(self, xs):
        w = self.weights_or_initial()
        return xs[0] @ w[0] + (w[1] if len(w) > 1 else 0)


class _Norm(Layer):
    def flags(self):
        return self.kw.get("scale", True), self.kw.get("center", True)

    def affine(self, y, w):
        scale, center = self.flags()
        k = 0
        if scale:
            y, k = y * w[0], 1
        if center:
            y = y + w[k]
        return y


class BatchNormalization(_Norm):
    ARGS = ("axis", "momentum", "epsilon", "center", "scale", "name")

    def weight_shapes(self):
        scale, center = self.flags()
        return [(self.in_width,)] * (int(scale) + int(center) + 2)

    def compute(self, xs):
        w = self.weights_or_initial()
        mean, var = w[-2], w[-1]
        return self.affine((xs[0] - mean) / np.sqrt(var + self.kw.get("epsilon", 1e-3)), w)


class LayerNormalization(_Norm):
    ARGS = ("axis", "epsilon", "center", "scale", "name")

    def weight_shapes(self):
        scale, center = self.flags()
        return [(self.in_width,)] * (int(scale) + int(center))

    def compute(self, xs):
        x = xs[0]
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        y = (x - mean) / np.sqrt(var + self.kw.get("epsilon", 1e-3))
        return self.affine(y, self.weights or [])


ACTIVATIONS = {
    "relu": lambda x: np.maximum(x, 0),
    "elu": lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0))),
    "selu": lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(np.minimum(x, 0))),
    "gelu": lambda x: 0.5 * x * (1 + _erf(x / math.sqrt(2))),
    "swish": lambda x: x / (1 + np.exp(-x)),
    "silu": lambda x: x / (1 + np.exp(-x)),
    "tanh": np.tanh,
    "sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "softplus": lambda x: np.logaddexp(0, x),
    "linear": lambda x: x,
}


class Activation(Layer):
    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}")
        self.fn = ACTIVATIONS[activation]

    def compute(self, xs):
        return self.fn(xs[0])


class LeakyReLU(Layer):
    """Keras 3's signature (negative_slope); the file falls back to alpha for tf.keras 2."""

    ARGS = ("negative_slope", "name")

    def compute(self, xs):
        return np.where(xs[0] > 0, xs[0], self.kw["negative_slope"] * xs[0])


class Add(Layer):
    def compute(self, xs):
        if len({x.shape for x in xs}) != 1:
            raise ValueError("Add needs inputs of one shape")
        return sum(xs)


class Concatenate(Layer):
    ARGS = ("axis", "name")

    def out_width(self):
        return self.in_width

    def compute(self, xs):
        return np.concatenate(xs, axis=self.kw.get("axis", -1))


class InputLayer(Layer):
    pass


def Input(shape, name=None):
    layer = InputLayer(name=name)
    return KTensor(layer, [], shape[0])


class Model:
    def __init__(self, inputs, outputs, name=None):
        self.input, self.output, self.name = inputs, outputs, name
        self.layers, seen = [], set()

        def walk(t):
            if id(t.layer) in seen:
                return
            seen.add(id(t.layer))
            for i in t.inputs:
                walk(i)
            self.layers.append(t.layer)

        walk(outputs)
        names = [layer.name for layer in self.layers]
        if len(set(names)) != len(names):
            raise ValueError(f"layer names are not unique: {names}")

    def get_layer(self, name):
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError(f"no layer named {name!r}")

    def compile(self, optimizer=None, loss=None):
        self.optimizer, self.loss = optimizer, loss

    def predict(self, x, batch_size=None, verbose=None):
        cache = {}

        def value(t):
            if id(t) not in cache:
                cache[id(t)] = np.asarray(x, np.float64) if not t.inputs else t.layer.compute([value(i) for i in t.inputs])
            return cache[id(t)]

        return value(self.output).astype(np.float32)


def _recorder(kind, allowed):
    def make(*args, **kwargs):
        _check(kind, kwargs, allowed)
        return (kind, args, kwargs)

    return make


def install():
    """Puts the stand-in modules `tensorflow` (with .keras) into sys.modules."""
    keras = types.ModuleType("keras")
    keras.layers = types.SimpleNamespace(
        Dense=Dense, BatchNormalization=BatchNormalization, LayerNormalization=LayerNormalization,
        Activation=Activation, LeakyReLU=LeakyReLU, Add=Add, Concatenate=Concatenate,
    )
    keras.Input, keras.Model = Input, Model
    keras.initializers = types.SimpleNamespace(
        RandomUniform=_recorder("RandomUniform", ("minval", "maxval", "seed")),
        TruncatedNormal=_recorder("TruncatedNormal", ("mean", "stddev", "seed")),
    )
    keras.regularizers = types.SimpleNamespace(L2=_recorder("L2", ("l2",)))
    keras.optimizers = types.SimpleNamespace(
        SGD=_recorder("SGD", ("learning_rate", "momentum", "nesterov")),
        Adam=_recorder("Adam", ("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad")),
        RMSprop=_recorder("RMSprop", ("learning_rate", "rho", "momentum", "epsilon", "centered")),
    )
    keras.losses = types.SimpleNamespace(
        BinaryCrossentropy=_recorder("BinaryCrossentropy", ("from_logits",)),
        SparseCategoricalCrossentropy=_recorder("SparseCategoricalCrossentropy", ("from_logits",)),
        MeanSquaredError=_recorder("MeanSquaredError", ()),
    )
    keras.utils = types.SimpleNamespace(set_random_seed=lambda seed: None)
    strategy = types.SimpleNamespace(scope=contextlib.nullcontext, num_replicas_in_sync=1)
    tf = types.ModuleType("tensorflow")
    tf.__version__ = "stand-in"
    tf.keras = keras
    tf.config = types.SimpleNamespace(list_physical_devices=lambda kind: [], set_visible_devices=lambda d, k: None)
    tf.distribute = types.SimpleNamespace(get_strategy=lambda: strategy, MirroredStrategy=lambda: strategy)
    sys.modules["tensorflow"] = tf
    sys.modules["tensorflow.keras"] = keras


def main():
    install()
    with open(sys.argv[1]) as f:
        jobs = json.load(f)
    failed = 0
    for i, job in enumerate(jobs):
        try:
            code = runpy.run_path(job["script"], run_name="normlab_export")["main"](job["args"])
            if code:
                raise RuntimeError(f"main returned {code}")
        except Exception:
            failed += 1
            print(f"job {i} failed: {job['script']}\n{traceback.format_exc()}", file=sys.stderr)
    print(f"{len(jobs) - failed} of {len(jobs)} jobs ran", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
