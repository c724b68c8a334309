import { pyFloat } from './python';
import { TORCH_TABLE } from './torchTable';

/**
 * The parts of the PyTorch file that do not depend on the graph: decoding, loss, batches,
 * optimizers, evaluation, training (one process or torchrun's DistributedDataParallel), main.
 * Python source as text; the settings (TASK, OPTIMIZER, ...) are the file's constants.
 */

export const TORCH_IMPORTS = `import argparse
import base64
import json
import os
import sys

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler`;

export const TORCH_FLOATS = `def floats(text):
    """base64 of little-endian float32 values -> a 1-D float32 tensor."""
    raw = bytearray(base64.b64decode(text))
    if not raw:
        return torch.zeros(0)
    if sys.byteorder != "little":
        raw[0::4], raw[1::4], raw[2::4], raw[3::4] = raw[3::4], raw[2::4], raw[1::4], raw[0::4]
    return torch.frombuffer(raw, dtype=torch.float32).clone()`;

export const TORCH_TRAINING = `def load_data():
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
    return 0`;

/** The file's last lines, after the embedded data: run main. */
export const MAIN_CALL = `if __name__ == "__main__":
    sys.exit(main())`;

const arg = (name: string, v: number | undefined) => `${name}=${pyFloat(v as number)}`;

/** make_optimizer(params): NormLab's optimizer with tfjs's hyperparameters, from TORCH_TABLE. */
export function torchMakeOptimizer(): string {
  const o = TORCH_TABLE.optimizers;
  return `def make_optimizer(params):
    """NormLab's optimizer with tfjs's hyperparameters (see the conventions at the top)."""
    if OPTIMIZER == "sgd":
        return torch.optim.SGD(params, lr=LEARNING_RATE)
    if OPTIMIZER == "momentum":
        return torch.optim.SGD(params, lr=LEARNING_RATE, ${arg('momentum', o.momentum.momentum)})
    if OPTIMIZER == "adam":
        return torch.optim.Adam(params, lr=LEARNING_RATE, betas=(${pyFloat(o.adam.beta1 as number)}, ${pyFloat(o.adam.beta2 as number)}), ${arg('eps', o.adam.eps)})
    if OPTIMIZER == "rmsprop":
        return TfjsRMSprop(params, lr=LEARNING_RATE, ${arg('decay', o.rmsprop.decay)}, ${arg('momentum', o.rmsprop.momentum)}, ${arg('eps', o.rmsprop.eps)})
    raise ValueError(f"unknown optimizer {OPTIMIZER!r}")`;
}
