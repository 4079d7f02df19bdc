#!/usr/bin/env python3
"""The same LeNet-5 as lenet-model, in PyTorch for Python, for bench/run: 28x28 input padded to 32x32 by C1, conv 5x5x6,
max-pool, conv 5x5x16, max-pool, dense 120, 84, 10 (61,706 parameters), ReLU, Glorot-uniform weights and zero biases,
softmax cross-entropy, Adam. Schedules as lenet-model's LearningRateSchedule: constant, or oneCycle per step (from
peak/10 up over the warm-up fraction of all steps, then linearly down to peak/final_divisor at the last step).
Prints one line per epoch: epoch N train_s=SECONDS test_acc=FRACTION. A benchmark, never a test."""
import argparse
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--data", required=True)
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--batch", type=int, default=500)
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--schedule", choices=["constant", "oneCycle"], default="constant")
p.add_argument("--warmup-fraction", type=float, default=0.25)
p.add_argument("--final-divisor", type=float, default=1000)
p.add_argument("--beta1", type=float, default=0.9)
p.add_argument("--beta2", type=float, default=0.999)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--seed", type=int, default=42)
p.add_argument("--bf16", action="store_true", help="bfloat16 autocast for the forward pass (float32 weights)")
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)


def read_idx(name):
    with open(os.path.join(a.data, name), "rb") as f:
        data = f.read()
    dims = struct.unpack(">" + "I" * data[3], data[4:4 + 4 * data[3]])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * data[3]).reshape(dims)


x_train = torch.from_numpy(read_idx("train-images-idx3-ubyte").astype(np.float32) / 255).unsqueeze(1)
y_train = torch.from_numpy(read_idx("train-labels-idx1-ubyte").astype(np.int64))
x_test = torch.from_numpy(read_idx("t10k-images-idx3-ubyte").astype(np.float32) / 255).unsqueeze(1)
y_test = torch.from_numpy(read_idx("t10k-labels-idx1-ubyte").astype(np.int64))


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 5, padding=2)
        self.c3 = nn.Conv2d(6, 16, 5)
        self.c5 = nn.Linear(400, 120)
        self.f6 = nn.Linear(120, 84)
        self.out = nn.Linear(84, 10)
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c3(x)), 2)
        x = F.relu(self.c5(x.flatten(1)))
        return self.out(F.relu(self.f6(x)))


net = LeNet5()
optimizer = torch.optim.Adam(net.parameters(), lr=a.lr, betas=(a.beta1, a.beta2), eps=1e-7)
steps_per_epoch = (x_train.shape[0] + a.batch - 1) // a.batch
steps = steps_per_epoch * a.epochs
warmup = round(a.warmup_fraction * steps)


def rate(step):
    if a.schedule == "constant":
        return a.lr
    start, end = a.lr / 10, a.lr / a.final_divisor
    if step < warmup:
        return start + (a.lr - start) * step / warmup
    return a.lr + (end - a.lr) * min(1.0, (step - warmup) / max(1, steps - 1 - warmup))


def test_accuracy():
    net.eval()
    with torch.no_grad():
        correct = sum((net(x_test[i:i + 2000]).argmax(1) == y_test[i:i + 2000]).sum().item()
                      for i in range(0, x_test.shape[0], 2000))
    net.train()
    return correct / x_test.shape[0]


step = 0
for epoch in range(1, a.epochs + 1):
    started = time.perf_counter()
    order = torch.randperm(x_train.shape[0])
    for i in range(0, x_train.shape[0], a.batch):
        for group in optimizer.param_groups:
            group["lr"] = rate(step)
        batch = order[i:i + a.batch]
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=a.bf16):
            loss = F.cross_entropy(net(x_train[batch]), y_train[batch])
        loss.backward()
        optimizer.step()
        step += 1
    seconds = time.perf_counter() - started
    print(f"epoch {epoch} train_s={seconds:.4f} test_acc={test_accuracy():.4f}", flush=True)
