namespace VatDsl.Networks;

/// <summary>
/// <see cref="ConvLarge"/> with a BatchNorm on the logits: the layers of cnn.py in takerum/vat_tf
/// with its flag <c>top_bn</c> on, as the official SVHN commands set it. 3,121,822 parameters.
/// </summary>
/// <remarks>
/// Checked against takerum/vat_tf, cnn.py (commit bf9dba4) and its README, whose SVHN commands
/// pass <c>--top_bn</c> and whose CIFAR-10 commands do not. The final BatchNorm is named
/// <c>bfc</c> as in cnn.py.
/// </remarks>
[Network(3, 32, 32)]
[Conv2d(128, Kernel = 3, Padding = 1, Bias = false, Name = "c1"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b1"), LeakyReLU(0.1)]
[Conv2d(128, Kernel = 3, Padding = 1, Bias = false, Name = "c2"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b2"), LeakyReLU(0.1)]
[Conv2d(128, Kernel = 3, Padding = 1, Bias = false, Name = "c3"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b3"), LeakyReLU(0.1)]
[MaxPool2d(2), Dropout(0.5)]
[Conv2d(256, Kernel = 3, Padding = 1, Bias = false, Name = "c4"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b4"), LeakyReLU(0.1)]
[Conv2d(256, Kernel = 3, Padding = 1, Bias = false, Name = "c5"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b5"), LeakyReLU(0.1)]
[Conv2d(256, Kernel = 3, Padding = 1, Bias = false, Name = "c6"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b6"), LeakyReLU(0.1)]
[MaxPool2d(2), Dropout(0.5)]
[Conv2d(512, Kernel = 3, Padding = 0, Bias = false, Name = "c7"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b7"), LeakyReLU(0.1)]
[Conv2d(256, Kernel = 1, Padding = 0, Bias = false, Name = "c8"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b8"), LeakyReLU(0.1)]
[Conv2d(128, Kernel = 1, Padding = 0, Bias = false, Name = "c9"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b9"), LeakyReLU(0.1)]
[GlobalAvgPool, Linear(10, Name = "fc"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "bfc")]
public sealed partial class ConvLargeTopBn;
