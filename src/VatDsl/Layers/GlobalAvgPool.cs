using System;
using static TorchSharp.torch;

namespace VatDsl.Layers;

/// <summary>
/// Global average pooling: the mean over height and width, turning a (batch, channels, height,
/// width) input into (batch, channels). It has no parameters and no buffers.
/// </summary>
public sealed class GlobalAvgPool : nn.Module<Tensor, Tensor>
{
    private static readonly long[] SpatialDimensions = [2, 3];

    /// <summary>Creates the layer.</summary>
    public GlobalAvgPool() : base(nameof(GlobalAvgPool))
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (input.ndim != 4)
        {
            throw new ArgumentException(
                $"GlobalAvgPool needs a 4-D (batch, channels, height, width) input, but got shape ({string.Join(", ", input.shape)}).",
                nameof(input));
        }

        return input.mean(SpatialDimensions);
    }
}
