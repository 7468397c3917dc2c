using System;
using VatDsl.Layers;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Generated;

/// <summary>The parameter-free modules VatDsl adds to TorchSharp's layers.</summary>
public sealed class LayerModuleTests
{
    [Fact]
    public void GaussianNoise_adds_noise_of_given_std()
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        using var noise = new GaussianNoise(0.3);
        noise.train();
        Tensor input = ones(200, 500);

        Tensor output = noise.call(input);

        // 100,000 samples: the standard error of the sample std is about 0.3 / sqrt(2 * 100000),
        // roughly 0.0007, so a tolerance of 0.01 leaves a wide margin.
        double std = (output - input).std().item<float>();
        double mean = (output - input).mean().item<float>();
        Assert.InRange(std, 0.29, 0.31);
        Assert.InRange(mean, -0.01, 0.01);
    }

    [Fact]
    public void GaussianNoise_passes_input_in_eval()
    {
        using var scope = NewDisposeScope();
        using var noise = new GaussianNoise(0.3);
        noise.eval();
        Tensor input = randn(4, 3);

        Tensor output = noise.call(input);

        Assert.True(output.allclose(input, rtol: 0, atol: 0));
    }

    [Fact]
    public void GaussianNoise_rejects_negative_std() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianNoise(-0.1));

    [Fact]
    public void GlobalAvgPool_averages_height_and_width()
    {
        using var scope = NewDisposeScope();
        using var pool = new GlobalAvgPool();
        Tensor input = arange(2 * 3 * 4 * 5, dtype: ScalarType.Float32).reshape(2, 3, 4, 5);

        Tensor output = pool.call(input);

        Assert.Equal(new long[] { 2, 3 }, output.shape);
        Assert.True(output.allclose(input.mean(new long[] { 2, 3 })));
        Assert.Equal(9.5f, output[0, 0].item<float>());
    }

    [Fact]
    public void GlobalAvgPool_rejects_3D_input()
    {
        using var scope = NewDisposeScope();
        using var pool = new GlobalAvgPool();

        var error = Assert.Throws<ArgumentException>(() => pool.call(zeros(3, 4, 5)));

        Assert.Contains("(3, 4, 5)", error.Message, StringComparison.Ordinal);
    }
}
