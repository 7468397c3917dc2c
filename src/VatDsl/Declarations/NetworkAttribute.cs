using System;

namespace VatDsl;

/// <summary>
/// Marks a <c>partial</c> class as a network. The VatDsl source generator compiles the layer
/// attributes on the class, in declaration order, into a TorchSharp
/// <c>Module&lt;Tensor, Tensor&gt;</c> with a VAT-regularized training step.
/// </summary>
/// <example>
/// <code>
/// [Network(1, 28, 28)]
/// [Conv2d(32, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
/// [Flatten, Linear(10)]
/// public partial class SmallCnn;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>Declares a network whose input, without the batch dimension, has the given shape.</summary>
    /// <param name="inputShape">Input shape without the batch dimension: (features) or (channels, height, width).</param>
    public NetworkAttribute(params int[] inputShape)
    {
        InputShape = inputShape;
    }

    /// <summary>Input shape without the batch dimension.</summary>
    public int[] InputShape { get; }

    /// <summary>
    /// Number of classes the network predicts. Zero (the default) takes it from the output of the
    /// last layer; any other value must equal that output, or the compiler reports an error.
    /// </summary>
    public int Classes { get; set; }
}
