using System.Linq;
using VatDsl.Layers;
using VatDsl.Networks;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.PaperNetworks;

/// <summary>The Gaussian noise of the MNIST MLP: where it sits and that it acts only in training mode.</summary>
public sealed class MnistMlpNoiseTests
{
    [Fact]
    public void Noise_follows_each_hidden_BatchNorm()
    {
        string[] hidden = { "Linear", "BatchNorm1d", "GaussianNoise", "ReLU" };
        string[] expected = Enumerable.Repeat(hidden, 4).SelectMany(kinds => kinds)
            .Concat(new[] { "Linear", "BatchNorm1d" }).ToArray();

        Assert.Equal(expected, MnistMlp.Summary.Layers.Select(layer => layer.Kind));
        Assert.Equal(new[] { "Flatten" }.Concat(expected), MnistMlpImage.Summary.Layers.Select(layer => layer.Kind));
    }

    [Fact]
    public void Noise_has_std_one_half()
    {
        using var network = new MnistMlp();

        GaussianNoise[] noiseLayers = network.children().OfType<GaussianNoise>().ToArray();

        Assert.Equal(4, noiseLayers.Length);
        Assert.All(noiseLayers, noise => Assert.Equal(0.5, noise.Std));
    }

    [Fact]
    public void Evaluation_logits_are_deterministic()
    {
        using var scope = NewDisposeScope();
        using var network = new MnistMlp();
        network.eval();
        Tensor input = randn(8, 784);

        using var noGrad = no_grad();
        Tensor first = network.call(input);
        Tensor second = network.call(input);

        Assert.True(TensorAssert.Identical(first, second), "Evaluation mode gave different logits for the same input.");
    }

    [Fact]
    public void Training_logits_vary_with_noise()
    {
        using var scope = NewDisposeScope();
        using var network = new MnistMlp();
        network.train();
        Tensor input = randn(8, 784);

        // BatchNorm uses the statistics of the same batch both times, so only the noise differs.
        using var noGrad = no_grad();
        Tensor first = network.call(input);
        Tensor second = network.call(input);

        double largestChange = (first - second).abs().max().item<float>();
        Assert.True(largestChange > 1e-3, $"Training mode changed the logits by at most {largestChange}; the noise is missing.");
    }

    [Fact]
    public void Image_variant_matches_flat_input()
    {
        using var scope = NewDisposeScope();
        using var flat = new MnistMlp();
        using var image = new MnistMlpImage();
        using (no_grad())
        {
            image.load_state_dict(flat.state_dict(), strict: true);
        }

        flat.eval();
        image.eval();
        Tensor images = randn(3, 1, 28, 28);

        using var noGrad = no_grad();
        Tensor expected = flat.call(images.reshape(3, 784));
        Tensor actual = image.call(images);

        Assert.True(TensorAssert.Identical(expected, actual), "MnistMlpImage and MnistMlp gave different logits for the same weights.");
    }
}
