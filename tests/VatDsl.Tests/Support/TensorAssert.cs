using System;
using System.Globalization;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Support;

/// <summary>Numerical comparisons that report the worst element and the tolerance on failure.</summary>
internal static class TensorAssert
{
    public static double[] Values(Tensor t)
    {
        using var noGrad = no_grad();
        return t.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
    }

    /// <summary>Returns whether two tensors have the same shape, dtype and bytes.</summary>
    public static bool Identical(Tensor a, Tensor b)
    {
        using var noGrad = no_grad();
        return a.dtype == b.dtype && a.shape.SequenceEqual(b.shape)
            && a.contiguous().bytes.SequenceEqual(b.contiguous().bytes);
    }

    /// <summary>Asserts |actual - expected| &lt;= tolerance for every element.</summary>
    public static void AbsoluteClose(double[] expected, Tensor actual, double tolerance, string quantity)
    {
        double[] values = Values(actual);
        Assert.True(expected.Length == values.Length, $"{quantity}: {values.Length} values, expected {expected.Length}.");
        int worst = 0;
        double worstError = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double error = Math.Abs(values[i] - expected[i]);
            if (!(error <= worstError))
            {
                worst = i;
                worstError = error;
            }
        }

        Assert.True(worstError <= tolerance,
            $"{quantity}: max absolute error {Format(worstError)} at element {worst} (actual {Format(values[worst])}, " +
            $"expected {Format(expected[worst])}) exceeds {Format(tolerance)}.");
    }

    /// <summary>Asserts ||actual - expected|| / ||expected|| &lt;= tolerance (Euclidean norms over all elements).</summary>
    public static void RelativeClose(double[] expected, Tensor actual, double tolerance, string quantity)
    {
        double[] values = Values(actual);
        Assert.True(expected.Length == values.Length, $"{quantity}: {values.Length} values, expected {expected.Length}.");
        double difference = Math.Sqrt(values.Zip(expected, (a, e) => (a - e) * (a - e)).Sum());
        double norm = Math.Sqrt(expected.Sum(e => e * e));
        double relative = difference / norm;
        Assert.True(relative <= tolerance,
            $"{quantity}: relative error {Format(relative)} (difference norm {Format(difference)}, expected norm " +
            $"{Format(norm)}) exceeds {Format(tolerance)}.");
    }

    /// <summary>Asserts |actual - expected| &lt;= tolerance * |expected| for a scalar.</summary>
    public static void RelativeClose(double expected, double actual, double tolerance, string quantity)
    {
        double relative = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(relative <= tolerance,
            $"{quantity}: {Format(actual)} vs expected {Format(expected)}, relative error {Format(relative)} exceeds {Format(tolerance)}.");
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
