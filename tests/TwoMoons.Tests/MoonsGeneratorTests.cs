using System;
using System.Linq;
using VatDsl.Samples.TwoMoons.Data;
using Xunit;

namespace VatDsl.Samples.TwoMoons.Tests;

public class MoonsGeneratorTests
{
    private static MoonsSpec Spec(int labeled = 4, int unlabeled = 1000, int test = 500, double noise = 0.1, int dimensions = 2, int seed = 7) =>
        new(labeled, unlabeled, test, noise, dimensions, seed);

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public void Generate_sizes_match_spec(int dimensions)
    {
        MoonsDataset data = MoonsGenerator.Generate(Spec(labeled: 6, unlabeled: 300, test: 200, dimensions: dimensions));

        Assert.Equal(6, data.Labeled.Count);
        Assert.Equal(300, data.Unlabeled.Count);
        Assert.Equal(200, data.Test.Count);
        foreach (MoonsSet set in new[] { data.Labeled, data.Unlabeled, data.Test })
        {
            Assert.Equal(dimensions, set.Dimensions);
            Assert.Equal(set.Count * 2, set.Plane.Length);
            Assert.Equal(set.Count * dimensions, set.Features.Length);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(64)]
    public void Labeled_split_is_balanced(int labeled)
    {
        MoonsSet set = MoonsGenerator.Generate(Spec(labeled: labeled)).Labeled;

        Assert.Equal(labeled / 2, set.CountOf(0));
        Assert.Equal(labeled / 2, set.CountOf(1));
    }

    [Fact]
    public void Odd_split_puts_extra_point_in_class_one()
    {
        MoonsSet set = MoonsGenerator.Generate(Spec(unlabeled: 1001)).Unlabeled;

        Assert.Equal(500, set.CountOf(0));
        Assert.Equal(501, set.CountOf(1));
    }

    [Fact]
    public void Labels_are_shuffled()
    {
        long[] labels = MoonsGenerator.Generate(Spec(unlabeled: 1000)).Unlabeled.Labels;

        // Unshuffled, the first half would be all class 0; shuffled, about half of it is class 1.
        int classOneInFirstHalf = labels.Take(500).Count(label => label == 1);
        Assert.InRange(classOneInFirstHalf, 200, 300);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public void Same_seed_gives_same_data(int dimensions)
    {
        MoonsDataset first = MoonsGenerator.Generate(Spec(dimensions: dimensions));
        MoonsDataset second = MoonsGenerator.Generate(Spec(dimensions: dimensions));

        foreach ((MoonsSet a, MoonsSet b) in Splits(first, second))
        {
            Assert.Equal(a.Labels, b.Labels);
            Assert.Equal(a.Plane, b.Plane);
            Assert.Equal(a.Features, b.Features);
        }
    }

    [Fact]
    public void Different_seeds_give_different_data()
    {
        MoonsDataset first = MoonsGenerator.Generate(Spec(seed: 1));
        MoonsDataset second = MoonsGenerator.Generate(Spec(seed: 2));

        foreach ((MoonsSet a, MoonsSet b) in Splits(first, second))
        {
            Assert.NotEqual(a.Plane, b.Plane);
        }
    }

    [Fact]
    public void Splits_are_different_samples()
    {
        MoonsDataset data = MoonsGenerator.Generate(Spec(labeled: 500, unlabeled: 500, test: 500));

        Assert.NotEqual(data.Labeled.Plane, data.Unlabeled.Plane);
        Assert.NotEqual(data.Unlabeled.Plane, data.Test.Plane);
        Assert.NotEqual(data.Labeled.Plane, data.Test.Plane);
    }

    [Fact]
    public void More_labels_leave_other_splits_unchanged()
    {
        MoonsDataset few = MoonsGenerator.Generate(Spec(labeled: 4));
        MoonsDataset many = MoonsGenerator.Generate(Spec(labeled: 40));

        Assert.Equal(few.Unlabeled.Plane, many.Unlabeled.Plane);
        Assert.Equal(few.Test.Plane, many.Test.Plane);
    }

    [Fact]
    public void Noise_free_points_lie_on_their_moon()
    {
        MoonsSet set = MoonsGenerator.Generate(Spec(unlabeled: 2000, noise: 0)).Unlabeled;

        // Points are computed in double precision from cos and sin, so 1e-12 is ample.
        for (int n = 0; n < set.Count; n++)
        {
            double u = set.Plane[n * 2];
            double v = set.Plane[n * 2 + 1];
            if (set.Labels[n] == 0)
            {
                Assert.Equal(1.0, u * u + v * v, 1e-12);
                Assert.True(v >= 0, $"Class 0 point {n} at ({u}, {v}) is below the upper half circle.");
            }
            else
            {
                Assert.Equal(1.0, (u - 1) * (u - 1) + (v - 0.5) * (v - 0.5), 1e-12);
                Assert.True(v <= 0.5, $"Class 1 point {n} at ({u}, {v}) is above the lower half circle.");
            }
        }
    }

    [Fact]
    public void Noise_std_matches_spec()
    {
        const double noise = 0.1;
        MoonsSet set = MoonsGenerator.Generate(Spec(unlabeled: 40000, noise: noise)).Unlabeled;

        // The radial residual |x - center| - 1 is the noise along the radius plus a curvature
        // term of about noise^2 / 2; its std is 0.1003 for noise 0.1. With 20,000 points per
        // class the standard error of the std is about 0.0005, so 0.005 leaves ten of them.
        double[] residuals = Enumerable.Range(0, set.Count).Select(n =>
        {
            double u = set.Plane[n * 2];
            double v = set.Plane[n * 2 + 1];
            return set.Labels[n] == 0
                ? Math.Sqrt(u * u + v * v) - 1
                : Math.Sqrt((u - 1) * (u - 1) + (v - 0.5) * (v - 0.5)) - 1;
        }).ToArray();
        double mean = residuals.Average();
        double std = Math.Sqrt(residuals.Select(r => (r - mean) * (r - mean)).Average());

        Assert.InRange(std, noise - 0.005, noise + 0.005);
    }

    [Fact]
    public void Angles_cover_whole_half_circle()
    {
        MoonsSet set = MoonsGenerator.Generate(Spec(unlabeled: 4000, noise: 0)).Unlabeled;

        // t = atan2(v, u) for class 0 is uniform on [0, pi]: each of 4 quarters contains about 500 of its 2000 points.
        int[] quarters = new int[4];
        for (int n = 0; n < set.Count; n++)
        {
            if (set.Labels[n] == 0)
            {
                double t = Math.Atan2(set.Plane[n * 2 + 1], set.Plane[n * 2]);
                quarters[Math.Min(3, (int)(t / (Math.PI / 4)))]++;
            }
        }

        Assert.All(quarters, count => Assert.InRange(count, 400, 600));
    }

    [Fact]
    public void Two_dimensions_use_plane_coordinates()
    {
        MoonsSet set = MoonsGenerator.Generate(Spec(dimensions: 2)).Unlabeled;

        Assert.Equal(set.Plane.Select(value => (float)value).ToArray(), set.Features);
    }

    [Fact]
    public void Embedding_has_orthonormal_columns()
    {
        MoonsEmbedding embedding = MoonsGenerator.Generate(Spec(dimensions: 100)).Embedding;

        // Gram-Schmidt in double precision on 100 entries: errors are a few 1e-16.
        for (int a = 0; a < 2; a++)
        {
            for (int b = 0; b < 2; b++)
            {
                double dot = Enumerable.Range(0, 100).Sum(i => embedding[i, a] * embedding[i, b]);
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 1e-12);
            }
        }
    }

    [Fact]
    public void Embedding_preserves_distances()
    {
        MoonsSet set = MoonsGenerator.Generate(Spec(unlabeled: 200, dimensions: 100)).Unlabeled;

        // Features are float32 values of size about 0.3, so distances agree to about 1e-6.
        for (int n = 1; n < set.Count; n++)
        {
            double du = set.Plane[n * 2] - set.Plane[0];
            double dv = set.Plane[n * 2 + 1] - set.Plane[1];
            double planeDistance = Math.Sqrt(du * du + dv * dv);
            double featureDistance = Math.Sqrt(Enumerable.Range(0, 100)
                .Sum(i => Math.Pow(set.Features[n * 100 + i] - set.Features[i], 2)));
            Assert.Equal(planeDistance, featureDistance, 1e-5);
        }
    }

    [Fact]
    public void Embedding_depends_on_seed()
    {
        MoonsEmbedding first = MoonsGenerator.Generate(Spec(dimensions: 100, seed: 1)).Embedding;
        MoonsEmbedding second = MoonsGenerator.Generate(Spec(dimensions: 100, seed: 2)).Embedding;

        Assert.NotEqual(first[0, 0], second[0, 0]);
    }

    [Theory]
    [InlineData(3, 10, 10, 0.1, 2, "Labeled is 3")]
    [InlineData(0, 10, 10, 0.1, 2, "Labeled is 0")]
    [InlineData(4, 0, 10, 0.1, 2, "Unlabeled is 0")]
    [InlineData(4, 10, 0, 0.1, 2, "Test is 0")]
    [InlineData(4, 10, 10, -0.1, 2, "Noise is -0.1")]
    [InlineData(4, 10, 10, double.NaN, 2, "Noise is NaN")]
    [InlineData(4, 10, 10, double.PositiveInfinity, 2, "Noise is")]
    [InlineData(4, 10, 10, 0.1, 1, "Dimensions is 1")]
    public void Invalid_spec_is_rejected(int labeled, int unlabeled, int test, double noise, int dimensions, string expected)
    {
        var spec = new MoonsSpec(labeled, unlabeled, test, noise, dimensions, Seed: 1);

        ArgumentException exception = Assert.Throws<ArgumentException>(() => MoonsGenerator.Generate(spec));
        Assert.Contains(expected, exception.Message);
    }

    [Fact]
    public void Validate_lists_every_invalid_value()
    {
        var spec = new MoonsSpec(Labeled: 1, Unlabeled: 0, Test: 0, Noise: -1, Dimensions: 0, Seed: 1);

        Assert.Equal(5, spec.Validate().Count);
    }

    private static (MoonsSet, MoonsSet)[] Splits(MoonsDataset first, MoonsDataset second) =>
    [
        (first.Labeled, second.Labeled),
        (first.Unlabeled, second.Unlabeled),
        (first.Test, second.Test),
    ];
}
