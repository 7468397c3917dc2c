using System;
using System.Linq;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>Draws and normalizes perturbation directions, one per sample.</summary>
internal static class PerturbationDirection
{
    /// <summary>Draws d ~ N(0, I) with the shape, dtype and device of <paramref name="x"/>.</summary>
    public static Tensor DrawGaussian(Tensor x, Generator? generator)
    {
        using (no_grad())
        {
            return randn(x.shape, dtype: x.dtype, device: x.device, generator: generator);
        }
    }

    /// <summary>Normalizes each sample of <paramref name="d"/> over all non-batch dimensions; the result has no gradient.</summary>
    public static Tensor Normalize(Tensor d, DirectionNormalization normalization)
    {
        using var noGrad = no_grad();
        long[] sampleDims = SampleDimensions(d);
        switch (normalization)
        {
            case DirectionNormalization.Stabilized:
                // Dividing by the max first keeps sum d^2 in range for tiny or huge gradients,
                // and the two constants turn a zero vector into zero instead of 0/0.
                Tensor scaled = d / (d.abs().amax(sampleDims, keepdim: true) + 1e-12);
                return scaled / (scaled.square().sum(sampleDims, keepdim: true) + 1e-6).sqrt();
            case DirectionNormalization.L2:
                return d / d.square().sum(sampleDims, keepdim: true).sqrt();
            default:
                throw new ArgumentOutOfRangeException(nameof(normalization), normalization,
                    $"Unknown DirectionNormalization {normalization}; use Stabilized or L2.");
        }
    }

    /// <summary>Returns the L2 norm of each sample over all non-batch dimensions, shape (batch).</summary>
    public static Tensor SampleNorms(Tensor d)
    {
        using var noGrad = no_grad();
        return d.square().sum(SampleDimensions(d)).sqrt();
    }

    internal static long[] SampleDimensions(Tensor t) => Enumerable.Range(1, (int)t.ndim - 1).Select(i => (long)i).ToArray();
}
