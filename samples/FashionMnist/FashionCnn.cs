using VatDsl;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Small convolutional network for 28x28 grayscale images and 10 classes.</summary>
[Network(1, 28, 28)]
[Conv2d(32, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
[Conv2d(64, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
[Flatten, Dropout(0.5), Linear(128), ReLU, Linear(10)]
[Vat(Epsilon = 1.0, Xi = 1e-2)]
public partial class FashionCnn;
