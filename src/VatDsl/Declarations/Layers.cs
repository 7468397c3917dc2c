using System;

namespace VatDsl;

/// <summary>Fully connected layer, <c>torch.nn.Linear</c>. Needs a 1-D input per sample.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LinearAttribute(int outFeatures) : LayerAttribute
{
    /// <summary>Number of output features.</summary>
    public int OutFeatures { get; } = outFeatures;

    /// <summary>Whether the layer adds a learned bias. Defaults to true.</summary>
    public bool Bias { get; set; } = true;
}

/// <summary>2-D convolution, <c>torch.nn.Conv2d</c>. Needs a (channels, height, width) input per sample.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Conv2dAttribute(int outChannels) : LayerAttribute
{
    /// <summary>Number of output channels.</summary>
    public int OutChannels { get; } = outChannels;

    /// <summary>Square kernel size. Defaults to 3.</summary>
    public int Kernel { get; set; } = 3;

    /// <summary>Stride in both spatial dimensions. Defaults to 1.</summary>
    public int Stride { get; set; } = 1;

    /// <summary>Zero padding added on every side. Defaults to 0.</summary>
    public int Padding { get; set; }

    /// <summary>Whether the layer adds a learned bias. Defaults to true.</summary>
    public bool Bias { get; set; } = true;
}

/// <summary>
/// Batch normalization: <c>BatchNorm1d</c> after a 1-D output, <c>BatchNorm2d</c> after a
/// (channels, height, width) output, chosen from the inferred shape.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNormAttribute : LayerAttribute
{
    /// <summary>Momentum of the running statistics, as in PyTorch. Defaults to 0.1.</summary>
    public double Momentum { get; set; } = 0.1;

    /// <summary>Value added to the variance for numerical stability. Defaults to 1e-5.</summary>
    public double Epsilon { get; set; } = 1e-5;
}

/// <summary>Rectified linear unit, <c>torch.nn.ReLU</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReLUAttribute : LayerAttribute;

/// <summary>Leaky rectified linear unit, <c>torch.nn.LeakyReLU</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LeakyReLUAttribute(double negativeSlope = 0.01) : LayerAttribute
{
    /// <summary>Slope for negative inputs.</summary>
    public double NegativeSlope { get; } = negativeSlope;
}

/// <summary>Hyperbolic tangent, <c>torch.nn.Tanh</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TanhAttribute : LayerAttribute;

/// <summary>Dropout, <c>torch.nn.Dropout</c>; active only in training mode.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute(double probability = 0.5) : LayerAttribute
{
    /// <summary>Probability of zeroing an element, in [0, 1).</summary>
    public double Probability { get; } = probability;
}

/// <summary>2-D max pooling, <c>torch.nn.MaxPool2d</c>. Needs a (channels, height, width) input per sample.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MaxPool2dAttribute(int kernel) : LayerAttribute
{
    /// <summary>Square window size.</summary>
    public int Kernel { get; } = kernel;

    /// <summary>Stride of the window. Zero (the default) means equal to <see cref="Kernel"/>, as in PyTorch.</summary>
    public int Stride { get; set; }

    /// <summary>Padding added on every side. Defaults to 0.</summary>
    public int Padding { get; set; }
}

/// <summary>Flattens every dimension after the batch into one, <c>torch.nn.Flatten</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FlattenAttribute : LayerAttribute;

/// <summary>
/// Adds zero-mean Gaussian noise with standard deviation <see cref="Std"/> to every element, in
/// training mode only; in evaluation mode the layer passes its input through.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GaussianNoiseAttribute(double std) : LayerAttribute
{
    /// <summary>Standard deviation of the noise, in input units. Must be zero or positive.</summary>
    public double Std { get; } = std;
}

/// <summary>2-D average pooling, <c>torch.nn.AvgPool2d</c>. Needs a (channels, height, width) input per sample.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AvgPool2dAttribute(int kernel) : LayerAttribute
{
    /// <summary>Square window size.</summary>
    public int Kernel { get; } = kernel;

    /// <summary>Stride of the window. Zero (the default) means equal to <see cref="Kernel"/>, as in PyTorch.</summary>
    public int Stride { get; set; }

    /// <summary>Zero padding added on every side; padded zeros count in the average, as in PyTorch. Defaults to 0.</summary>
    public int Padding { get; set; }
}

/// <summary>
/// Global average pooling: the mean over height and width, turning a (channels, height, width)
/// input into a 1-D (channels) output.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GlobalAvgPoolAttribute : LayerAttribute;

/// <summary>Logistic sigmoid, <c>torch.nn.Sigmoid</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SigmoidAttribute : LayerAttribute;

/// <summary>Gaussian error linear unit with the exact (erf) formula, <c>torch.nn.GELU</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GELUAttribute : LayerAttribute;

/// <summary>Softplus, log(1 + exp(beta * x)) / beta, <c>torch.nn.Softplus</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SoftplusAttribute : LayerAttribute
{
    /// <summary>Sharpness beta. Must be positive. Defaults to 1.</summary>
    public double Beta { get; set; } = 1.0;

    /// <summary>Where beta * x exceeds this value the layer returns x itself, for numerical stability. Defaults to 20.</summary>
    public double Threshold { get; set; } = 20.0;
}

/// <summary>Exponential linear unit, <c>torch.nn.ELU</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ELUAttribute(double alpha = 1.0) : LayerAttribute
{
    /// <summary>Scale of the negative part: the output approaches -alpha for large negative inputs. Defaults to 1.</summary>
    public double Alpha { get; } = alpha;
}
