using System;
using System.Collections.Generic;

namespace VatDsl.Samples.TwoMoons.Plotting;

/// <summary>Axis-aligned rectangle of the plane, in plane units.</summary>
public sealed record PlaneRect(double Left, double Right, double Bottom, double Top)
{
    /// <summary>
    /// Returns the smallest rectangle that holds every point of <paramref name="planePoints"/>
    /// (each a row-major array of (u, v) pairs) plus <paramref name="margin"/> on each side.
    /// </summary>
    public static PlaneRect Around(IEnumerable<double[]> planePoints, double margin)
    {
        ArgumentNullException.ThrowIfNull(planePoints);
        double left = double.PositiveInfinity, right = double.NegativeInfinity;
        double bottom = double.PositiveInfinity, top = double.NegativeInfinity;
        foreach (double[] plane in planePoints)
        {
            for (int i = 0; i + 1 < plane.Length; i += 2)
            {
                left = Math.Min(left, plane[i]);
                right = Math.Max(right, plane[i]);
                bottom = Math.Min(bottom, plane[i + 1]);
                top = Math.Max(top, plane[i + 1]);
            }
        }

        if (double.IsInfinity(left))
        {
            throw new ArgumentException("The rectangle needs at least one point to hold.", nameof(planePoints));
        }

        return new PlaneRect(left, right, bottom, top).Expand(margin);
    }

    /// <summary>Width in plane units.</summary>
    public double Width => Right - Left;

    /// <summary>Height in plane units.</summary>
    public double Height => Top - Bottom;

    /// <summary>Returns this rectangle grown by <paramref name="margin"/> on each side.</summary>
    public PlaneRect Expand(double margin) => new(Left - margin, Right + margin, Bottom - margin, Top + margin);
}
