"""Load a state_dict exported by the sample into the PyTorch network that README.md defines.

Usage: check_export.py README NETWORK WEIGHTS INPUTS LOGITS

NETWORK is cnn or mlp. INPUTS is raw little-endian float32 of shape (N, 1, 28, 28) and LOGITS
raw float32 of shape (N, 10): the logits that VatDsl computed in evaluation mode. The script
runs the Python code block that follows the marker line in README.md, so the documented
definitions are the tested ones, loads WEIGHTS with strict=True, and compares the logits.
"""
import sys

import torch

MARKER = "<!-- pytorch-definitions -->"

# LibTorch builds differ in their float32 convolution and matrix kernels, so logits agree only
# up to rounding. 1e-4 is far below the logit differences that a wrong weight would cause.
TOLERANCE = 1e-4


def definitions(readme_path):
    text = open(readme_path, encoding="utf-8").read()
    after = text.split(MARKER, 1)[1]
    return after.split("```python\n", 1)[1].split("```", 1)[0]


def main(readme_path, network, weights_path, inputs_path, logits_path):
    namespace = {}
    exec(definitions(readme_path), namespace)
    model = namespace["fashion_cnn" if network == "cnn" else "mnist_mlp_image"]()
    model.load_state_dict(torch.load(weights_path), strict=True)
    model.eval()

    inputs = torch.frombuffer(bytearray(open(inputs_path, "rb").read()), dtype=torch.float32).reshape(-1, 1, 28, 28)
    expected = torch.frombuffer(bytearray(open(logits_path, "rb").read()), dtype=torch.float32).reshape(-1, 10)
    with torch.no_grad():
        actual = model(inputs)
    difference = (actual - expected).abs().max().item()
    if difference > TOLERANCE:
        print(f"logits differ from VatDsl's by up to {difference:.3g}, more than {TOLERANCE}")
        return 1
    print(f"strict load OK, torch {torch.__version__}, max logit difference {difference:.3g}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
