using System;
using System.Collections.Generic;
using System.Globalization;

namespace VatDsl.Samples.TwoMoons.Data;

/// <summary>Sizes, noise, embedding and seed of a generated two-moons data set.</summary>
/// <param name="Labeled">Number of labeled training points, half of each class. Must be even and at least 2.</param>
/// <param name="Unlabeled">Number of unlabeled training points. Must be at least 1.</param>
/// <param name="Test">Number of labeled test points. Must be at least 1.</param>
/// <param name="Noise">Standard deviation of the Gaussian noise added to each 2-D coordinate, in plane units.</param>
/// <param name="Dimensions">Input dimension count: 2 keeps the plane, more embeds it with a fixed random projection.</param>
/// <param name="Seed">Seed of every random draw, so equal specs give equal data sets.</param>
public sealed record MoonsSpec(int Labeled, int Unlabeled, int Test, double Noise, int Dimensions, int Seed)
{
    /// <summary>
    /// Returns one message per invalid value, naming the value and its valid range. An empty
    /// list means the spec is valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Labeled < 2 || Labeled % 2 != 0)
        {
            errors.Add($"Labeled is {Labeled}; it must be an even number of at least 2, because the labeled points are split equally between the two classes.");
        }

        if (Unlabeled < 1)
        {
            errors.Add($"Unlabeled is {Unlabeled}; it must be at least 1.");
        }

        if (Test < 1)
        {
            errors.Add($"Test is {Test}; it must be at least 1.");
        }

        if (!(Noise >= 0) || double.IsInfinity(Noise))
        {
            errors.Add($"Noise is {Noise.ToString("R", CultureInfo.InvariantCulture)}; it must be zero or a positive finite standard deviation.");
        }

        if (Dimensions < 2)
        {
            errors.Add($"Dimensions is {Dimensions}; it must be at least 2, because the moons live in a plane.");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid value, or returns this spec.</summary>
    public MoonsSpec EnsureValid()
    {
        IReadOnlyList<string> errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid two-moons spec: " + string.Join(" ", errors));
        }

        return this;
    }
}
