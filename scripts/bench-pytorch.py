#!/usr/bin/env python3
"""The `vgg` network of FerMusic's trainer and its training step, in PyTorch, timed as `train bench` times them.

Run with Debian's python3-torch (apt-get install python3-torch) to compare TorchSharp with PyTorch on this machine:

    python3 scripts/bench-pytorch.py --threads 2 [--channels-last] [--bf16]
    dotnet run --project train -c Release -- bench --arch vgg [--channels-last] [--bf16]

Same architecture (conv-BN-ReLU stages 32, 64x2, 128x2, 256x2 with 2x2 max-pooling, global average pooling, dropout 0.4,
a linear classifier over 7 classes; input normalisation (x - 128) / 64 inside the network), same step (AdamW, learning
rate 1e-3, weight decay 1e-4, cross-entropy with label smoothing 0.1, batch 64 of random 48x48 images), same timing
(3 warm-up steps, then 20 timed; inference: median of 200 single-image forward passes after 10 warm-up ones).
--bf16 is PyTorch's CPU autocast to bfloat16. PyTorch runs with its defaults otherwise (glibc's allocator settings,
OpenMP's default wait policy), as a PyTorch user would have them.
"""
import argparse
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    print("PyTorch is not installed (Debian: apt-get install python3-torch); skipping.", file=sys.stderr)
    sys.exit(0)


class ConvBlock(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class Vgg(nn.Module):
    """FerMusic's `vgg` (train/Models/VggNet.cs)."""

    def __init__(self, classes=7):
        super().__init__()
        layers, channels = [], 1
        for width, convs in zip([32, 64, 128, 256], [1, 2, 2, 2]):
            for _ in range(convs):
                layers.append(ConvBlock(channels, width))
                channels = width
            layers.append(nn.MaxPool2d(2, 2))
        self.features = nn.Sequential(*layers)
        self.dropout = nn.Dropout(0.4)
        self.classifier = nn.Linear(channels, classes)

    def forward(self, x):
        x = (x - 128.0) / 64.0
        x = self.features(x)
        x = x.float().mean(dim=(2, 3))
        return self.classifier(self.dropout(x))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--channels-last", action="store_true")
    parser.add_argument("--bf16", action="store_true", help="CPU autocast to bfloat16")
    parser.add_argument("--iterations", type=int, default=20)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = Vgg()
    memory_format = torch.channels_last if args.channels_last else torch.contiguous_format
    model = model.to(memory_format=memory_format)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_function = nn.CrossEntropyLoss(label_smoothing=0.1)
    images = (torch.rand(args.batch_size, 1, 48, 48) * 255).to(memory_format=memory_format)
    labels = torch.randint(0, 7, (args.batch_size,))

    def step():
        optimizer.zero_grad()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(images)
        loss = loss_function(logits.float(), labels)
        loss.backward()
        optimizer.step()

    model.train()
    for _ in range(3):
        step()
    start = time.perf_counter()
    for _ in range(args.iterations):
        step()
    train_rate = args.iterations * args.batch_size / (time.perf_counter() - start)

    model.eval()
    one = images[:1]
    times = []
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
        for i in range(-10, 200):
            start = time.perf_counter()
            model(one)
            if i >= 0:
                times.append((time.perf_counter() - start) * 1000)
    parameters = sum(p.numel() for p in model.parameters())
    print(f"pytorch {torch.__version__}, threads {torch.get_num_threads()}, batch {args.batch_size}, "
          f"channels-last {args.channels_last}, bf16 {args.bf16}")
    print(f"vgg {parameters:,} parameters: train {train_rate:.0f} img/s, infer {statistics.median(times):.2f} ms (batch 1)")


if __name__ == "__main__":
    main()
