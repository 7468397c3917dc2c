using System;

namespace VatDsl.Samples.TwoMoons.Data;

/// <summary>
/// One split of the data set: points in the plane, the same points embedded as network
/// inputs, and their classes (0 for the upper moon, 1 for the lower moon).
/// </summary>
public sealed class MoonsSet
{
    internal MoonsSet(double[] plane, float[] features, long[] labels, int dimensions)
    {
        Plane = plane;
        Features = features;
        Labels = labels;
        Dimensions = dimensions;
    }

    /// <summary>Number of points.</summary>
    public int Count => Labels.Length;

    /// <summary>Input dimension count of <see cref="Features"/>.</summary>
    public int Dimensions { get; }

    /// <summary>Plane coordinates, row-major (Count x 2), for plotting.</summary>
    public double[] Plane { get; }

    /// <summary>Network inputs, row-major (Count x Dimensions), float32 as the network expects.</summary>
    public float[] Features { get; }

    /// <summary>
    /// Class of each point. The unlabeled split keeps its true classes for tests, but the training
    /// code never reads them.
    /// </summary>
    public long[] Labels { get; }

    /// <summary>Returns the number of points of class <paramref name="label"/>.</summary>
    public int CountOf(long label) => Array.FindAll(Labels, l => l == label).Length;
}
