using System;

namespace VatDsl.Samples.TwoMoons.Data;

/// <summary>
/// Independent, reproducible random streams derived from one seed, so that changing the size
/// of one split (for example the number of labeled points) leaves the other splits unchanged.
/// </summary>
internal static class SeededRandom
{
    /// <summary>Creates the stream with the given number for <paramref name="seed"/>.</summary>
    public static Random CreateStream(int seed, int stream)
    {
        // SplitMix64 finalizer: nearby (seed, stream) pairs give unrelated System.Random seeds.
        ulong z = unchecked(((ulong)(uint)seed << 32 | (uint)stream) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;

        // new Random(int) uses the seeded algorithm that .NET keeps unchanged across versions.
        return new Random((int)(z & int.MaxValue));
    }

    /// <summary>Draws a standard normal sample with the Box-Muller transform.</summary>
    public static double NextGaussian(this Random random)
    {
        // 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
