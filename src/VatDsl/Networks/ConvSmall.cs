namespace VatDsl.Networks;

/// <summary>
/// Conv-Small of the VAT paper for CIFAR-10 (Miyato et al., TPAMI 2018, arXiv:1704.03976), for
/// (3, 32, 32) images: 1,408,234 parameters. The layer sequence of <see cref="ConvLarge"/> with
/// the widths 96, 96, 96 / 192, 192, 192 / 192 - 192 - 192 and a linear layer from 192 features
/// to the 10 logits.
/// </summary>
/// <remarks>
/// NOTE: takerum/vat_tf and takerum/vat_chainer define only Conv-Large, so this network takes
/// its layer sequence, bias-free convolutions and BatchNorm settings from cnn.py of vat_tf
/// (commit bf9dba4) and changes only the widths. The widths were not checked against code.
/// </remarks>
[Network(3, 32, 32)]
[Conv2d(96, Kernel = 3, Padding = 1, Bias = false, Name = "c1"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b1"), LeakyReLU(0.1)]
[Conv2d(96, Kernel = 3, Padding = 1, Bias = false, Name = "c2"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b2"), LeakyReLU(0.1)]
[Conv2d(96, Kernel = 3, Padding = 1, Bias = false, Name = "c3"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b3"), LeakyReLU(0.1)]
[MaxPool2d(2), Dropout(0.5)]
[Conv2d(192, Kernel = 3, Padding = 1, Bias = false, Name = "c4"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b4"), LeakyReLU(0.1)]
[Conv2d(192, Kernel = 3, Padding = 1, Bias = false, Name = "c5"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b5"), LeakyReLU(0.1)]
[Conv2d(192, Kernel = 3, Padding = 1, Bias = false, Name = "c6"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b6"), LeakyReLU(0.1)]
[MaxPool2d(2), Dropout(0.5)]
[Conv2d(192, Kernel = 3, Padding = 0, Bias = false, Name = "c7"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b7"), LeakyReLU(0.1)]
[Conv2d(192, Kernel = 1, Padding = 0, Bias = false, Name = "c8"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b8"), LeakyReLU(0.1)]
[Conv2d(192, Kernel = 1, Padding = 0, Bias = false, Name = "c9"), BatchNorm(Momentum = 0.01, Epsilon = 1e-6, Name = "b9"), LeakyReLU(0.1)]
[GlobalAvgPool, Linear(10, Name = "fc")]
public sealed partial class ConvSmall;
