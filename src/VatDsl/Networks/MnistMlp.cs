namespace VatDsl.Networks;

/// <summary>
/// Fully connected network of the VAT paper for MNIST (Miyato et al., TPAMI 2018,
/// arXiv:1704.03976): 784-1200-600-300-150-10, 1,894,080 parameters. Each hidden layer runs
/// Linear, BatchNorm, Gaussian noise (std 0.5, training mode only) and ReLU, and the logits pass
/// through a final BatchNorm. The input is a flattened 28 x 28 image, and
/// <see cref="MnistMlpImage"/> takes (1, 28, 28) images.
/// </summary>
/// <remarks>
/// Checked against takerum/vat, models/fnn_mnist_semisup.py (commit 72a24df), the official
/// Theano MLP: every layer, the output layer included, is Linear with bias, then
/// BatchNormalization with gamma and beta, then the activation. That code uses eps 1e-6 and a
/// moving-average ratio of 0.9 (PyTorch momentum 0.1) in
/// source/theano/layers/batch_normalization.py.
/// NOTE: that code adds no Gaussian noise, and takerum/vat_tf and takerum/vat_chainer contain
/// no MLP. The noise sits after BatchNorm and before ReLU, where the pre-activations have the
/// unit scale that BatchNorm gives them, so std 0.5 is relative to that scale.
/// </remarks>
[Network(784)]
[Linear(1200, Name = "fc1"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn1"), GaussianNoise(0.5), ReLU]
[Linear(600, Name = "fc2"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn2"), GaussianNoise(0.5), ReLU]
[Linear(300, Name = "fc3"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn3"), GaussianNoise(0.5), ReLU]
[Linear(150, Name = "fc4"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn4"), GaussianNoise(0.5), ReLU]
[Linear(10, Name = "fc5"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn5")]
public sealed partial class MnistMlp;
