using System;

namespace VatDsl.Samples.TwoMoons.Data;

/// <summary>
/// Linear map from the 2-D plane into the input space: x = B (u, v) with a
/// (Dimensions x 2) matrix B whose columns are orthonormal. Distances, and so the noise std
/// and the VAT epsilon, keep their plane units after the embedding.
/// </summary>
public sealed class MoonsEmbedding
{
    private readonly double[] _basis;

    private MoonsEmbedding(int dimensions, double[] basis)
    {
        Dimensions = dimensions;
        _basis = basis;
    }

    /// <summary>Number of input dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>Entry (row, column) of the basis matrix, with column 0 or 1.</summary>
    public double this[int row, int column] => _basis[row * 2 + column];

    /// <summary>Returns the identity embedding of the plane into itself.</summary>
    public static MoonsEmbedding Identity() => new(2, [1.0, 0.0, 0.0, 1.0]);

    /// <summary>
    /// Creates a random embedding: two Gaussian vectors of length <paramref name="dimensions"/>,
    /// orthonormalized by Gram-Schmidt. Two dimensions give the identity.
    /// </summary>
    public static MoonsEmbedding CreateRandom(int dimensions, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 2);
        if (dimensions == 2)
        {
            return Identity();
        }

        var first = new double[dimensions];
        var second = new double[dimensions];
        for (int i = 0; i < dimensions; i++)
        {
            first[i] = random.NextGaussian();
            second[i] = random.NextGaussian();
        }

        Normalize(first);
        double overlap = Dot(first, second);
        for (int i = 0; i < dimensions; i++)
        {
            second[i] -= overlap * first[i];
        }

        Normalize(second);

        var basis = new double[dimensions * 2];
        for (int i = 0; i < dimensions; i++)
        {
            basis[i * 2] = first[i];
            basis[i * 2 + 1] = second[i];
        }

        return new MoonsEmbedding(dimensions, basis);
    }

    /// <summary>Writes the embedding of the plane point (u, v) into <paramref name="destination"/>.</summary>
    public void Embed(double u, double v, Span<float> destination)
    {
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} elements, but the embedding has {Dimensions} dimensions.",
                nameof(destination));
        }

        for (int i = 0; i < Dimensions; i++)
        {
            destination[i] = (float)(_basis[i * 2] * u + _basis[i * 2 + 1] * v);
        }
    }

    /// <summary>Returns the row-major (count x Dimensions) embedding of row-major (count x 2) plane points.</summary>
    public float[] EmbedAll(ReadOnlySpan<double> plane)
    {
        if (plane.Length % 2 != 0)
        {
            throw new ArgumentException($"Plane points need 2 coordinates each, but {plane.Length} values were given.", nameof(plane));
        }

        int count = plane.Length / 2;
        var features = new float[count * Dimensions];
        for (int n = 0; n < count; n++)
        {
            Embed(plane[n * 2], plane[n * 2 + 1], features.AsSpan(n * Dimensions, Dimensions));
        }

        return features;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Normalize(double[] vector)
    {
        double norm = Math.Sqrt(Dot(vector, vector));
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }
    }
}
