"""Independent PyTorch reference for the Fashion-MNIST comparison of VAT and supervised training.

Trains the network of samples/FashionMnist/FashionCnn.cs, written by hand in PyTorch, with a VAT
loss written from Miyato et al. (TPAMI 2018, arXiv:1704.03976) and the authors' code
(github.com/takerum/vat_tf, vat.py) without VatDsl. A result that matches VatDsl's points to the
method and the setting rather than to a VatDsl defect.
"""
import argparse, gzip, json, math, os, struct, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder):
    def p(name):
        return os.path.join(folder, name)
    xtr = read_idx(p("train-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    ytr = read_idx(p("train-labels-idx1-ubyte.gz")).astype(np.int64)
    xte = read_idx(p("t10k-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    yte = read_idx(p("t10k-labels-idx1-ubyte.gz")).astype(np.int64)
    return (torch.from_numpy(xtr).unsqueeze(1), torch.from_numpy(ytr),
            torch.from_numpy(xte).unsqueeze(1), torch.from_numpy(yte))


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.LeakyReLU(0.1), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.LeakyReLU(0.1), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.5), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


def normalize(d):
    flat = d.flatten(1)
    flat = flat / (1e-12 + flat.abs().max(dim=1, keepdim=True).values)
    flat = flat / torch.sqrt(1e-6 + (flat ** 2).sum(dim=1, keepdim=True))
    return flat.view_as(d)


def kl(logp, logits_q):
    logq = F.log_softmax(logits_q, dim=1)
    return (logp.exp() * (logp - logq)).sum(dim=1).mean()


class FrozenBatchNorm:
    """Passes on unlabeled inputs use batch statistics but leave the running statistics unchanged.

    Turning track_running_stats off makes BatchNorm pass no running buffers to the kernel, so
    nothing is written in place (an in-place restore would break the saved tensors of autograd).
    """
    def __init__(self, model):
        self.layers = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    def __enter__(self):
        for m in self.layers: m.track_running_stats = False
    def __exit__(self, *exc):
        for m in self.layers: m.track_running_stats = True


def vat_loss(model, x, eps, xi, share_masks):
    with FrozenBatchNorm(model):
        d = normalize(torch.randn_like(x))
        state = torch.get_rng_state()
        with torch.no_grad():
            logp = F.log_softmax(model(x), dim=1)
        if share_masks: torch.set_rng_state(state)
        r = (xi * d).requires_grad_(True)
        g, = torch.autograd.grad(kl(logp, model(x + r)), r)
        r_adv = (eps * normalize(g)).detach()
        if share_masks: torch.set_rng_state(state)
        return kl(logp, model(x + r_adv))


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        correct = sum((model(x[i:i + 1000]).argmax(1) == y[i:i + 1000]).sum().item() for i in range(0, len(x), 1000))
    model.train()
    return correct / len(x)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--method", choices=["vat", "supervised"], default="vat")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--epsilon", type=float, default=1.0)
    parser.add_argument("--xi", type=float, default=1e-2)
    parser.add_argument("--eval-every", type=int, default=1000)
    parser.add_argument("--metrics")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    rng = np.random.RandomState(args.seed)
    xtr, ytr, xte, yte = load(args.data)

    labeled = np.concatenate([rng.permutation(np.flatnonzero(ytr.numpy() == c))[:args.labels // 10] for c in range(10)])
    model = cnn()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999))
    decay_start = (2 * args.steps) // 3
    started = time.time()
    evaluations = []

    for step in range(1, args.steps + 1):
        i = step - 1
        lr = 1e-3 if i < decay_start else 1e-3 * (args.steps - i) / (args.steps - decay_start)
        for group in opt.param_groups:
            group["lr"] = lr
            group["betas"] = (0.9 if i < decay_start else 0.5, 0.999)
        lb = torch.from_numpy(rng.choice(labeled, 32, replace=False))
        lds = torch.zeros(())
        if args.method == "vat":
            ub = torch.from_numpy(rng.choice(len(xtr), 128, replace=False))
            lds = vat_loss(model, xtr[ub], args.epsilon, args.xi, share_masks=True)
        ce = F.cross_entropy(model(xtr[lb]), ytr[lb])
        loss = ce + lds
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 250 == 0:
            print(f"step {step} ce {ce.item():.4f} lds {lds.item():.4f} lr {lr:.6f} elapsed {time.time() - started:.0f}s", flush=True)
        if step % args.eval_every == 0 or step == args.steps:
            acc = accuracy(model, xte, yte)
            evaluations.append({"step": step, "test_accuracy": acc})
            print(f"step {step} test accuracy {acc:.4f}", flush=True)

    result = {"method": args.method, "labels": args.labels, "steps": args.steps, "seed": args.seed,
              "epsilon": args.epsilon if args.method == "vat" else None, "xi": args.xi if args.method == "vat" else None,
              "test_accuracy": evaluations[-1]["test_accuracy"], "seconds": round(time.time() - started, 1),
              "evaluations": evaluations, "torch": torch.__version__, "threads": torch.get_num_threads()}
    print(json.dumps(result))
    if args.metrics:
        with open(args.metrics, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
