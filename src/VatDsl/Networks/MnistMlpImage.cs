namespace VatDsl.Networks;

/// <summary>
/// <see cref="MnistMlp"/> for (1, 28, 28) images: a Flatten layer first, then the same layers,
/// 1,894,080 parameters. The state_dict keys equal those of <see cref="MnistMlp"/>, so weights
/// load into either network.
/// </summary>
/// <remarks>Checked against takerum/vat, models/fnn_mnist_semisup.py, as <see cref="MnistMlp"/> is.</remarks>
[Network(1, 28, 28)]
[Flatten]
[Linear(1200, Name = "fc1"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn1"), GaussianNoise(0.5), ReLU]
[Linear(600, Name = "fc2"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn2"), GaussianNoise(0.5), ReLU]
[Linear(300, Name = "fc3"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn3"), GaussianNoise(0.5), ReLU]
[Linear(150, Name = "fc4"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn4"), GaussianNoise(0.5), ReLU]
[Linear(10, Name = "fc5"), BatchNorm(Momentum = 0.1, Epsilon = 1e-6, Name = "bn5")]
public sealed partial class MnistMlpImage;
