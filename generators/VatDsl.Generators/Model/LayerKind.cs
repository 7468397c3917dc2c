namespace VatDsl.Generators.Model;

/// <summary>Layer attributes the generator supports, one per attribute class in VatDsl.</summary>
internal enum LayerKind
{
    Linear,
    Conv2d,
    BatchNorm,
    ReLU,
    LeakyReLU,
    Tanh,
    Sigmoid,
    GELU,
    Softplus,
    ELU,
    Dropout,
    GaussianNoise,
    MaxPool2d,
    AvgPool2d,
    GlobalAvgPool,
    Flatten,
}
