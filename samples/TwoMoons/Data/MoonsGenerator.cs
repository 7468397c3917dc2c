using System;

namespace VatDsl.Samples.TwoMoons.Data;

/// <summary>
/// Generates two interleaving half circles as scikit-learn's <c>make_moons</c> does: class 0
/// at (cos t, sin t), class 1 at (1 - cos t, 0.5 - sin t), plus N(0, noise^2) on each
/// coordinate. Unlike <c>make_moons</c>, which spaces t evenly, t is drawn uniformly from
/// [0, pi], so that every split is an independent sample of the same distribution.
/// </summary>
public static class MoonsGenerator
{
    // One random stream per purpose, so that resizing one split leaves the others unchanged.
    private const int EmbeddingStream = 0;
    private const int LabeledStream = 1;
    private const int UnlabeledStream = 2;
    private const int TestStream = 3;

    /// <summary>Generates the data set that <paramref name="spec"/> describes. Equal specs give equal sets.</summary>
    /// <exception cref="ArgumentException">A value of <paramref name="spec"/> is out of range.</exception>
    public static MoonsDataset Generate(MoonsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.EnsureValid();

        MoonsEmbedding embedding = MoonsEmbedding.CreateRandom(
            spec.Dimensions, SeededRandom.CreateStream(spec.Seed, EmbeddingStream));

        return new MoonsDataset(
            spec,
            embedding,
            Labeled: GenerateSet(spec.Labeled, spec.Noise, embedding, SeededRandom.CreateStream(spec.Seed, LabeledStream)),
            Unlabeled: GenerateSet(spec.Unlabeled, spec.Noise, embedding, SeededRandom.CreateStream(spec.Seed, UnlabeledStream)),
            Test: GenerateSet(spec.Test, spec.Noise, embedding, SeededRandom.CreateStream(spec.Seed, TestStream)));
    }

    /// <summary>Returns the noise-free point of class <paramref name="label"/> at angle <paramref name="t"/>.</summary>
    public static (double U, double V) MoonPoint(long label, double t) => label switch
    {
        0 => (Math.Cos(t), Math.Sin(t)),
        1 => (1.0 - Math.Cos(t), 0.5 - Math.Sin(t)),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "The two moons have classes 0 and 1."),
    };

    // As make_moons: count / 2 points (rounded down) of class 0, the rest of class 1, shuffled.
    private static MoonsSet GenerateSet(int count, double noise, MoonsEmbedding embedding, Random random)
    {
        var labels = new long[count];
        for (int n = count / 2; n < count; n++)
        {
            labels[n] = 1;
        }

        random.Shuffle(labels);

        var plane = new double[count * 2];
        for (int n = 0; n < count; n++)
        {
            double t = Math.PI * random.NextDouble();
            (double u, double v) = MoonPoint(labels[n], t);
            plane[n * 2] = u + noise * random.NextGaussian();
            plane[n * 2 + 1] = v + noise * random.NextGaussian();
        }

        return new MoonsSet(plane, embedding.EmbedAll(plane), labels, embedding.Dimensions);
    }
}
