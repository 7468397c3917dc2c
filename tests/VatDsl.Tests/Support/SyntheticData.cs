using static TorchSharp.torch;

namespace VatDsl.Tests.Support;

/// <summary>Gaussian blobs with unit variance around class means that depend only on (features, classes).</summary>
internal static class SyntheticData
{
    /// <summary>Draws <paramref name="count"/> samples; different seeds give different samples of the same problem.</summary>
    public static (Tensor X, Tensor Labels) Blobs(int count, int features, int classes, long seed,
        ScalarType dtype = ScalarType.Float32)
    {
        Tensor means = randn(new long[] { classes, features }, generator: new Generator(1000 + (ulong)features)) * 3;
        var generator = new Generator((ulong)seed);
        Tensor labels = randint(0, classes, new long[] { count }, dtype: ScalarType.Int64, generator: generator);
        Tensor x = means.index_select(0, labels) + randn(new long[] { count, features }, generator: generator);
        return (x.to_type(dtype), labels);
    }
}
