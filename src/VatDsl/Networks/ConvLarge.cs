namespace VatDsl.Networks;

/// <summary>
/// Conv-Large of the VAT paper for CIFAR-10 and SVHN (Miyato et al., TPAMI 2018,
/// arXiv:1704.03976), for (3, 32, 32) images, with 3,121,802 parameters. Two blocks of three
/// 3 x 3 convolutions (128, then 256 channels) each end in 2 x 2 max pooling and dropout 0.5.
/// A 3 x 3 convolution without padding to 512 channels and 1 x 1 convolutions to 256 and 128
/// channels follow, then global average pooling and a linear layer to the 10 logits. Every
/// convolution is followed by BatchNorm and LeakyReLU(0.1). <see cref="ConvLargeTopBn"/> adds a
/// BatchNorm on the logits.
/// </summary>
/// <remarks>
/// Checked against takerum/vat_tf, cnn.py (commit bf9dba4), function <c>logit</c>, and the
/// layers in layers.py (commit bab522c): convolutions without bias (<c>use_bias=False</c>),
/// "SAME" padding except the 3 x 3 convolution c7 ("VALID"), max pooling with "SAME" padding
/// (equal to padding 0 on the even sizes 32 and 16), BatchNorm with gamma and beta, eps 1e-6
/// and a moving-average decay of 0.99 (PyTorch momentum 0.01), and a linear layer with bias.
/// The layer names are those of cnn.py. Its flag <c>top_bn</c> is off by default, so this
/// network has no BatchNorm on the logits. The official code expects ZCA-whitened inputs.
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
[GlobalAvgPool, Linear(10, Name = "fc")]
public sealed partial class ConvLarge;
