namespace VatDsl.Benchmarks;

/// <summary>Multilayer perceptron for flattened 28x28 images and 10 classes.</summary>
[Network(784)]
[Linear(256), ReLU, Linear(10)]
public partial class BenchMlp;

/// <summary>The Fashion-MNIST sample's network: two convolution blocks with BatchNorm, then dropout and two linear layers.</summary>
[Network(1, 28, 28)]
[Conv2d(32, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
[Conv2d(64, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
[Flatten, Dropout(0.5), Linear(128), ReLU, Linear(10)]
public partial class BenchCnn;
