using System;
using System.Globalization;
using static TorchSharp.torch;

namespace VatDsl.Layers;

/// <summary>
/// Adds zero-mean Gaussian noise N(0, std^2) to every element in training mode. In evaluation
/// mode it returns its input unchanged. It has no parameters and no buffers.
/// </summary>
public sealed class GaussianNoise : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="std">Standard deviation of the noise, in input units; zero or positive and finite.</param>
    public GaussianNoise(double std) : base(nameof(GaussianNoise))
    {
        if (!(std >= 0) || double.IsInfinity(std))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std,
                $"GaussianNoise std is {std.ToString("R", CultureInfo.InvariantCulture)}; it must be zero or a positive finite number.");
        }

        Std = std;
    }

    /// <summary>Standard deviation of the noise, in input units.</summary>
    public double Std { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (!training || Std == 0)
        {
            // A new handle on the same storage, so callers may dispose input and output separately.
            return input.alias();
        }

        using var noise = randn_like(input);
        return input.add(noise, alpha: Std);
    }
}
