#!/usr/bin/env python3
# NormLab export for PyTorch.
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
# Run (PyTorch 1.13 or newer, nothing else):
#   python3 normlab_pytorch.py                evaluates the embedded weights on the test rows
#   python3 normlab_pytorch.py --epochs 20    then trains 20 epochs on and evaluates again
#   torchrun --nproc_per_node=2 normlab_pytorch.py --epochs 20
#       the same with DistributedDataParallel on 2 processes (gloo on the CPU, nccl on GPUs);
#       Debian 12's torch 1.13 on Python 3.11 needs torchrun --redirects 1 --tee 1 (a launcher bug)
#   python3 normlab_pytorch.py --help         more: --steps, --inputs, --dump-outputs, --save, --cpu
#
# Conventions, NormLab (TensorFlow.js) -> PyTorch, checked by NormLab's tests:
# - Dense: the tfjs kernel [in, out] is loaded transposed as nn.Linear.weight [out, in]; useBias -> bias.
# - Output: a linear nn.Linear giving logits; sigmoid/softmax live in the loss.
# - BatchNorm: tfjs momentum m is torch momentum 1 - m; epsilon as in NormLab (raised to 1e-12);
#     moving_mean/moving_variance -> running_mean/running_var; in training the running variance is
#     updated with the batch (biased) variance, as tfjs does (nn.BatchNorm1d alone uses the unbiased one).
# - BatchNorm/LayerNorm center or scale off: beta stays 0 / gamma stays 1 and is not trained
#     (torch 1.13 has no separate switch; NormLab pins them the same way).
# - LayerNorm normalizes each row over its features (biased variance), as tfjs.
# - Activations: leakyRelu(alpha) = LeakyReLU(alpha); elu alpha 1; gelu is the exact erf form, as tfjs's;
#     swish = SiLU = x * sigmoid(x); softplus = log(1 + exp(x)).
# - Loss on logits, mean over rows: binary BCEWithLogits, multiclass CrossEntropy, regression MSE.
# - L2: loss + l2 * sum(W^2) over every Dense kernel (Output included), never biases or norm weights.
# - Optimizers: sgd; momentum = SGD(momentum=0.9); adam = Adam(betas=(0.9, 0.999), eps=1e-7): tfjs
#     uses eps 1e-7 where torch's default is 1e-8 (same formula otherwise); rmsprop = TfjsRMSprop below:
#     tfjs divides by sqrt(ms + eps), torch.optim.RMSprop by sqrt(ms) + eps, which cannot be mapped.
# - Batches: one process draws the same batches as NormLab (mulberry32 Fisher-Yates per epoch, the
#     last partial batch left for the next epoch); several processes use a DistributedSampler instead,
#     each normalizing BatchNorm over its own share of the batch (no SyncBatchNorm).


import argparse
import base64
import json
import os
import sys

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler


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
    """base64 of little-endian float32 values -> a 1-D float32 tensor."""
    raw = bytearray(base64.b64decode(text))
    if not raw:
        return torch.zeros(0)
    if sys.byteorder != "little":
        raw[0::4], raw[1::4], raw[2::4], raw[3::4] = raw[3::4], raw[2::4], raw[1::4], raw[0::4]
    return torch.frombuffer(raw, dtype=torch.float32).clone()


def pin(param, trained):
    """A weight NormLab switched off (center or scale off) stays at its identity value, untrained."""
    if not trained:
        param.requires_grad_(False)


class BatchNorm(nn.BatchNorm1d):
    """BatchNorm as tfjs and Keras compute it, over the rows of a [batch, features] input.

    momentum is PyTorch's: 1 - NormLab's. center/scale False keep beta at 0 / gamma at 1.
    In training it normalizes with the batch's mean and biased variance and moves the running
    statistics towards them: running -= momentum * (running - batch), as tfjs does
    (nn.BatchNorm1d alone would move running_var towards the unbiased variance, n/(n-1) larger).
    In eval mode it is nn.BatchNorm1d: (x - running_mean) / sqrt(running_var + eps) * gamma + beta.
    """

    def __init__(self, features, momentum, eps, center=True, scale=True):
        super().__init__(features, eps=eps, momentum=momentum)
        pin(self.bias, center)
        pin(self.weight, scale)

    def forward(self, x):
        if not self.training:
            return super().forward(x)
        mean = x.mean(0)
        var = (x - mean).pow(2).mean(0)
        with torch.no_grad():
            self.running_mean.sub_((self.running_mean - mean) * self.momentum)
            self.running_var.sub_((self.running_var - var) * self.momentum)
            self.num_batches_tracked.add_(1)
        return (x - mean) / torch.sqrt(var + self.eps) * self.weight + self.bias


class LayerNorm(nn.LayerNorm):
    """LayerNorm over each row's features, (x - mean) / sqrt(var + eps) * gamma + beta, with
    tfjs/Keras's center and scale switches: off keeps beta at 0 / gamma at 1, untrained."""

    def __init__(self, features, eps, center=True, scale=True):
        super().__init__(features, eps=eps)
        pin(self.bias, center)
        pin(self.weight, scale)


class Net(nn.Module):
    """The NormLab graph, node by node in topological order; returns the logits."""

    def __init__(self):
        super().__init__()
        self.my_layer_v2_ = nn.Linear(2, 4, bias=False)  # dense "my-layer.v2:"
        nn.init.trunc_normal_(self.my_layer_v2_.weight, std=1.0, a=-2 * 1.0, b=2 * 1.0)  # tfjs heNormal
        self.proj = nn.Linear(2, 4, bias=True)  # dense "proj"
        nn.init.trunc_normal_(self.proj.weight, std=0.7071067811865476, a=-2 * 0.7071067811865476, b=2 * 0.7071067811865476)  # tfjs leCunNormal
        nn.init.zeros_(self.proj.bias)
        self.class_ = LayerNorm(4, eps=0.00001, center=False, scale=True)  # layernorm "class"
        self.n3 = nn.GELU()  # activation "3"
        self.bn = BatchNorm(6, momentum=1 - 0.99, eps=1e-12, center=True, scale=False)  # batchnorm "bn"
        self.leaky = nn.LeakyReLU(negative_slope=0.1)  # activation "leaky"
        self.out = nn.Linear(6, 3, bias=True)  # Output "out"
        nn.init.uniform_(self.out.weight, -0.816496580927726, 0.816496580927726)  # tfjs glorotUniform
        nn.init.zeros_(self.out.bias)

    def forward(self, in_):
        my_layer_v2_ = self.my_layer_v2_(in_)
        proj = self.proj(in_)
        class_ = self.class_(my_layer_v2_)
        n3 = self.n3(class_)
        sum_ = n3 + proj
        cat = torch.cat([sum_, in_], dim=-1)
        bn = self.bn(cat)
        leaky = self.leaky(bn)
        out = self.out(leaky)
        return out


def make_optimizer(params):
    """NormLab's optimizer with tfjs's hyperparameters (see the conventions at the top)."""
    if OPTIMIZER == "sgd":
        return torch.optim.SGD(params, lr=LEARNING_RATE)
    if OPTIMIZER == "momentum":
        return torch.optim.SGD(params, lr=LEARNING_RATE, momentum=0.9)
    if OPTIMIZER == "adam":
        return torch.optim.Adam(params, lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-7)
    if OPTIMIZER == "rmsprop":
        return TfjsRMSprop(params, lr=LEARNING_RATE, decay=0.9, momentum=0.0, eps=1e-7)
    raise ValueError(f"unknown optimizer {OPTIMIZER!r}")


def load_data():
    """DATA as tensors: x [rows, INPUT_DIM]; y [rows, 1] (class indices [rows] for multiclass)."""
    if DATA is None:
        return None

    def targets(name):
        y = floats(DATA[name])
        return y.long() if TASK == "multiclass" else y.reshape(-1, 1)

    return {
        "x_train": floats(DATA["x_train"]).reshape(-1, INPUT_DIM),
        "y_train": targets("y_train"),
        "x_test": floats(DATA["x_test"]).reshape(-1, INPUT_DIM),
        "y_test": targets("y_test"),
    }


def task_loss(logits, y):
    """NormLab's loss on the logits, mean over rows."""
    if TASK == "binary":
        return F.binary_cross_entropy_with_logits(logits, y)
    if TASK == "multiclass":
        return F.cross_entropy(logits, y)
    return F.mse_loss(logits, y)


def l2_penalty(net):
    """L2 * sum(W^2) over every Dense kernel (the Output's too); biases and norm weights are not penalized."""
    if L2 == 0:
        return 0.0
    return L2 * sum(m.weight.pow(2).sum() for m in net.modules() if isinstance(m, nn.Linear))


class TfjsRMSprop(torch.optim.Optimizer):
    """RMSProp as tfjs computes it:
    ms = decay * ms + (1 - decay) * g^2;  mom = momentum * mom + lr * g / sqrt(ms + eps);  w -= mom.
    (torch.optim.RMSprop divides by sqrt(ms) + eps instead: a different step while ms is tiny.)"""

    def __init__(self, params, lr, decay, momentum, eps):
        super().__init__(params, dict(lr=lr, decay=decay, momentum=momentum, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["ms"] = torch.zeros_like(p)
                    state["mom"] = torch.zeros_like(p)
                ms, mom = state["ms"], state["mom"]
                ms.mul_(group["decay"]).add_(p.grad.pow(2) * (1 - group["decay"]))
                mom.mul_(group["momentum"]).add_(p.grad * group["lr"] / torch.sqrt(ms + group["eps"]))
                p.sub_(mom)
        return loss


def _imul(a, b):
    return (a * b) & 0xFFFFFFFF


class NormLabBatches:
    """NormLab's batch order, step for step: every epoch a Fisher-Yates shuffle driven by
    mulberry32 seeded with SHUFFLE_SEED, cut into full batches; rows that do not fill a last
    batch wait for the next epoch's shuffle."""

    def __init__(self, n, batch_size, seed):
        self.n = n
        self.size = max(1, min(batch_size, n))
        self.state = seed & 0xFFFFFFFF

    def random(self):
        """mulberry32: uniform in [0, 1)."""
        self.state = (self.state + 0x6D2B79F5) & 0xFFFFFFFF
        t = self.state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return (t ^ (t >> 14)) / 4294967296.0

    def epoch(self):
        order = list(range(self.n))
        for i in range(self.n - 1, 0, -1):
            j = int(self.random() * (i + 1))
            order[i], order[j] = order[j], order[i]
        order = torch.tensor(order)
        return [order[k * self.size : (k + 1) * self.size] for k in range(self.n // self.size)]


def distributed_batches(n, epoch, world, rank):
    """This process's batches of one epoch: a DistributedSampler's share, BATCH_SIZE // world rows each."""
    sampler = DistributedSampler(range(n), num_replicas=world, rank=rank, shuffle=True, seed=SHUFFLE_SEED, drop_last=True)
    sampler.set_epoch(epoch)
    order = torch.tensor(list(sampler))
    size = max(1, min(BATCH_SIZE // world, len(order)))
    return [order[k * size : (k + 1) * size] for k in range(len(order) // size)]


@torch.no_grad()
def predict(net, x, device):
    """The logits in eval mode (BatchNorm uses its running statistics), 8192 rows at a time."""
    net.eval()
    out = [net(x[i : i + 8192].to(device)).cpu() for i in range(0, len(x), 8192)]
    return torch.cat(out) if out else torch.zeros(0, OUTPUT_DIM)


def evaluate(net, x, y, device):
    """Test loss and accuracy (R^2 for regression), in eval mode, as NormLab measures them."""
    logits = predict(net, x, device)
    metrics = {"loss": float(task_loss(logits, y))}
    if TASK == "binary":
        metrics["accuracy"] = float(((logits > 0).float() == y).float().mean())
    elif TASK == "multiclass":
        metrics["accuracy"] = float((logits.argmax(-1) == y).float().mean())
    else:
        sse = float(((y - logits) ** 2).sum())
        sst = float(((y - y.mean()) ** 2).sum())
        metrics["r2"] = 1 - sse / max(sst, 1e-12)
    return metrics


def describe(metrics):
    words = {"loss": "test loss", "accuracy": "test accuracy", "r2": "test R^2"}
    return ", ".join(f"{words[k]} {v:.4f}" for k, v in metrics.items())


def train(model, net, data, args, world, rank, device, say):
    """Trains args.epochs epochs (or exactly args.steps batches); returns each epoch's figures."""
    x, y = data["x_train"].to(device), data["y_train"].to(device)
    optimizer = make_optimizer([p for p in net.parameters() if p.requires_grad])
    batches = NormLabBatches(len(x), BATCH_SIZE, SHUFFLE_SEED) if world == 1 else None
    history, step, epoch = [], 0, 0
    while (epoch < args.epochs) if args.steps is None else (step < args.steps):
        model.train()
        losses = []
        for idx in batches.epoch() if batches else distributed_batches(len(x), epoch, world, rank):
            if args.steps is not None and step >= args.steps:
                break
            idx = idx.to(device)
            loss = task_loss(model(x[idx]), y[idx]) + l2_penalty(net)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.detach())
            step += 1
        epoch += 1
        mean = torch.stack(losses).mean() if losses else torch.zeros((), device=device)
        if world > 1:
            dist.all_reduce(mean)
            mean = mean / world
        figures = {"epoch": epoch, "step": step, "batch_loss": float(mean)}
        if rank == 0:
            metrics = evaluate(net, data["x_test"], data["y_test"], device)
            figures.update(metrics)
            say(f"epoch {epoch}: step {step}, batch loss {figures['batch_loss']:.4f}, {describe(metrics)}")
        history.append(figures)
    return history


def setup_distributed(cpu_only):
    """Under torchrun (WORLD_SIZE > 1): one process per rank, nccl on GPUs, gloo on the CPU."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    gpu = torch.cuda.is_available() and not cpu_only
    if world <= 1:
        return 1, 0, torch.device("cuda" if gpu else "cpu")
    rank, local = int(os.environ["RANK"]), int(os.environ.get("LOCAL_RANK", "0"))
    if gpu:
        torch.cuda.set_device(local)
    dist.init_process_group("nccl" if gpu else "gloo")
    return world, rank, torch.device("cuda", local) if gpu else torch.device("cpu")


def main(argv=None):
    parser = argparse.ArgumentParser(description="NormLab's model in PyTorch: evaluates the embedded weights, then trains on.")
    parser.add_argument("--epochs", type=int, default=0, help="epochs to train after evaluating (default 0)")
    parser.add_argument("--steps", type=int, default=None, help="train exactly this many batches instead of whole epochs")
    parser.add_argument("--inputs", metavar="FILE", help="JSON rows [[x1, x2, ...], ...] to run the model on (prints the logits)")
    parser.add_argument("--dump-outputs", metavar="FILE", help="write the eval-mode logits on the test rows (or --inputs) and the metrics as JSON")
    parser.add_argument("--save", metavar="FILE", help="save the model's state_dict with torch.save at the end")
    parser.add_argument("--cpu", action="store_true", help="stay on the CPU even where a GPU is present")
    args = parser.parse_args(argv)
    world, rank, device = setup_distributed(args.cpu)
    say = print if rank == 0 else (lambda *a, **k: None)
    torch.manual_seed(SEED)
    net = Net()
    if NORMLAB_WEIGHTS is not None:
        load_normlab_weights(net)
        origin = "weights trained in NormLab" + (f" to step {TRAINED_STEP}" if TRAINED_STEP is not None else "")
    else:
        origin = f"a fresh initialization (seed {SEED})"
    net.to(device)
    model = net
    if world > 1:
        model = DistributedDataParallel(net, device_ids=[device.index] if device.type == "cuda" else None)
    processes = f", {world} processes, {max(1, BATCH_SIZE // world)} rows per batch each" if world > 1 else ""
    say(f"NormLab {TASK} model on PyTorch {torch.__version__} ({device}{processes})", flush=True)
    data = load_data()
    result = {"task": TASK, "torch": torch.__version__, "world": world}
    if data is None:
        say("This file was exported without data: pass --inputs rows.json to run the model on your rows.")
        if args.epochs > 0 or args.steps is not None:
            say("Nothing to train on.")
            return 2
    else:
        result["before"] = evaluate(net, data["x_test"], data["y_test"], device)
        say(f"{origin}: {describe(result['before'])}")
        if args.epochs > 0 or args.steps is not None:
            result["history"] = train(model, net, data, args, world, rank, device, say)
            result["after"] = evaluate(net, data["x_test"], data["y_test"], device)
            say(f"after {result['history'][-1]['step'] if result['history'] else 0} steps: {describe(result['after'])}")
    if rank == 0 and (args.inputs or args.dump_outputs):
        if args.inputs:
            with open(args.inputs) as f:
                x = torch.tensor(json.load(f), dtype=torch.float32).reshape(-1, INPUT_DIM)
        else:
            x = data["x_test"] if data is not None else torch.zeros(0, INPUT_DIM)
        result["outputs"] = predict(net, x, device).tolist()
        if args.dump_outputs:
            with open(args.dump_outputs, "w") as f:
                json.dump(result, f)
        else:
            print(json.dumps(result["outputs"]))
    if rank == 0 and args.save:
        torch.save(net.state_dict(), args.save)
    if world > 1:
        dist.barrier()
        dist.destroy_process_group()
    return 0


# Exported without weights: the model starts from a seeded initialization.
NORMLAB_WEIGHTS = None


# Exported without data.
DATA = None


if __name__ == "__main__":
    sys.exit(main())
