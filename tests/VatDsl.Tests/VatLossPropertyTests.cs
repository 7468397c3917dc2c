using System;
using System.Linq;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>Properties of the VAT loss that hold for any model: KL direction, norms, gradient paths, randomness.</summary>
public sealed class VatLossPropertyTests
{
    [Fact]
    public void Kl_divergence_is_p_against_q()
    {
        using var scope = NewDisposeScope();
        Tensor logP = tensor(new[] { 0.9, 0.1 }).log().unsqueeze(0);
        Tensor logQ = tensor(new[] { 0.6, 0.4 }).log().unsqueeze(0);

        double forward = KlDivergence.PerSample(logP, logQ).item<double>();
        double reversed = KlDivergence.PerSample(logQ, logP).item<double>();

        // 0.9 ln(0.9/0.6) + 0.1 ln(0.1/0.4) = 0.22628 nat; the reverse is 0.31124 nat.
        Assert.Equal(0.2263, forward, 4);
        Assert.Equal(0.3112, reversed, 4);
    }

    /// <summary>
    /// L2 normalization gives unit directions to rounding (1e-12). The stabilized form has norm
    /// s / sqrt(1e-6 + s^2) with s = ||d|| / max|d| >= 1, which is below 1 by at most 5e-7.
    /// </summary>
    [Theory]
    [InlineData(new long[] { 6, 5 }, DirectionNormalization.L2, 1e-12)]
    [InlineData(new long[] { 6, 1, 4, 4 }, DirectionNormalization.L2, 1e-12)]
    [InlineData(new long[] { 6, 5 }, DirectionNormalization.Stabilized, 5e-7)]
    [InlineData(new long[] { 6, 1, 4, 4 }, DirectionNormalization.Stabilized, 5e-7)]
    public void Adversarial_perturbation_has_norm_epsilon(long[] shape, DirectionNormalization normalization, double tolerance)
    {
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor> model = shape.Length == 2
            ? TestModels.Mlp(5, 8, 3, dtype: ScalarType.Float64)
            : nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(16, 3, dtype: ScalarType.Float64)));
        manual_seed(3);
        Tensor x = randn(shape, dtype: ScalarType.Float64);
        var options = new VatOptions { Epsilon = 2.5, Normalization = normalization };

        VatLossResult vat = VatLoss.Compute(model, x, options);

        double[] norms = TensorAssert.Values(PerturbationDirection.SampleNorms(vat.AdversarialPerturbation));
        Assert.Equal((int)shape[0], norms.Length);
        foreach (double norm in norms)
        {
            Assert.InRange(norm / options.Epsilon, 1 - tolerance, 1 + 1e-12);
        }
    }

    [Fact]
    public void Lds_gradient_skips_p_and_r_adv()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(5, 8, 3, dtype: ScalarType.Float64);
        Tensor x = randn(4, 5, dtype: ScalarType.Float64);

        VatLossResult vat = VatLoss.Compute(model, x, new VatOptions { Xi = 1.0 });
        var viaVat = autograd.grad(new[] { vat.Lds }, model.parameters().ToArray());
        Tensor constantP = vat.CleanLogProbabilities.detach();
        Tensor constantR = vat.AdversarialPerturbation.detach();
        Tensor manual = KlDivergence.Mean(constantP, model.call(x + constantR));
        var viaManual = autograd.grad(new[] { manual }, model.parameters().ToArray());

        Assert.False(vat.CleanLogProbabilities.requires_grad);
        Assert.False(vat.AdversarialPerturbation.requires_grad);
        for (int i = 0; i < viaVat.Count; i++)
        {
            Assert.True(TensorAssert.Identical(viaVat[i], viaManual[i]), $"Parameter {i}: the LDS gradient differs from KL(p const || f(x + r_adv const)).");
        }
    }

    [Fact]
    public void Vat_loss_keeps_accumulated_parameter_gradients()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(5, 8, 3, dtype: ScalarType.Float64);
        Tensor x = randn(4, 5, dtype: ScalarType.Float64);
        model.call(x).square().sum().backward();
        Tensor[] before = model.parameters().Select(p => p.grad!.clone()).ToArray();

        VatLoss.Compute(model, x, new VatOptions { PowerIterations = 2 });

        Tensor[] after = model.parameters().Select(p => p.grad!).ToArray();
        for (int i = 0; i < before.Length; i++)
        {
            Assert.True(TensorAssert.Identical(before[i], after[i]), $"Parameter {i}: the power iteration changed an accumulated gradient.");
        }
    }

    /// <summary>
    /// With a fixed seed the raw draws (64 samples of 1000 values) must look like N(0, 1) per
    /// sample. Each sample's mean lies within 5 standard errors (5 / sqrt(1000)) of 0, and its
    /// variance within 5 standard errors (5 * sqrt(2 / 1000)) of 1. Two samples are
    /// uncorrelated to the same bound as the mean.
    /// </summary>
    [Fact]
    public void Initial_direction_is_standard_gaussian_per_sample()
    {
        using var scope = NewDisposeScope();
        Tensor x = zeros(64, 1000, dtype: ScalarType.Float64);

        Tensor draws = PerturbationDirection.DrawGaussian(x, new Generator(2024));

        double[] means = TensorAssert.Values(draws.mean(new long[] { 1 }));
        double[] variances = TensorAssert.Values(draws.var(1));
        double meanBound = 5 / Math.Sqrt(1000);
        double varianceBound = 5 * Math.Sqrt(2.0 / 1000);
        Assert.All(means, mean => Assert.InRange(mean, -meanBound, meanBound));
        Assert.All(variances, variance => Assert.InRange(variance, 1 - varianceBound, 1 + varianceBound));
        double correlation = (draws[0] * draws[1]).mean().item<double>();
        Assert.InRange(correlation, -meanBound, meanBound);
        Assert.InRange(Math.Abs(means.Average()), 0, 5 / Math.Sqrt(64000));
    }

    [Fact]
    public void Same_generator_seed_gives_same_direction()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(5, 8, 3, dtype: ScalarType.Float64);
        Tensor x = randn(4, 5, dtype: ScalarType.Float64);

        VatLossResult first = VatLoss.Compute(model, x, new VatOptions(), new Generator(11));
        VatLossResult second = VatLoss.Compute(model, x, new VatOptions(), new Generator(11));
        VatLossResult other = VatLoss.Compute(model, x, new VatOptions(), new Generator(12));

        Assert.True(TensorAssert.Identical(first.Directions[0], second.Directions[0]));
        Assert.True(TensorAssert.Identical(first.AdversarialPerturbation, second.AdversarialPerturbation));
        Assert.False(TensorAssert.Identical(first.Directions[0], other.Directions[0]));
    }

    /// <summary>
    /// With eps = 1e-300 the perturbed input equals x in float64, so the LDS measures only the
    /// dropout masks: exactly 0 when the passes share them, positive when each pass draws its own.
    /// </summary>
    [Fact]
    public void Shared_dropout_masks_give_zero_lds()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithDropout(5, 3);
        model.train();
        Tensor x = randn(16, 5, dtype: ScalarType.Float64);
        var shared = new VatOptions { Epsilon = 1e-300, Xi = 1e-300 };
        var fresh = shared with { ShareRandomnessAcrossPasses = false };

        double sharedLds = VatLoss.Compute(model, x, shared).Lds.item<double>();
        double freshLds = VatLoss.Compute(model, x, fresh).Lds.item<double>();

        Assert.Equal(0.0, sharedLds);
        Assert.True(freshLds > 1e-3, $"LDS with fresh dropout masks is {freshLds}; it should measure the mask noise.");
    }

    /// <summary>
    /// The same for the paper MLP, whose Gaussian noise layers draw from the global generator
    /// and whose BatchNorm layers use the statistics of each pass's own batch.
    /// </summary>
    [Fact]
    public void Shared_noise_gives_zero_lds()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        var model = new Networks.MnistMlp();
        model.to(ScalarType.Float64);
        model.train();
        Tensor x = randn(8, 784, dtype: ScalarType.Float64);
        var shared = new VatOptions { Epsilon = 1e-300, Xi = 1e-300 };
        var fresh = shared with { ShareRandomnessAcrossPasses = false };

        double sharedLds = VatLoss.Compute(model, x, shared).Lds.item<double>();
        double freshLds = VatLoss.Compute(model, x, fresh).Lds.item<double>();

        Assert.Equal(0.0, sharedLds);
        Assert.True(freshLds > 1e-3, $"LDS with fresh noise is {freshLds}; it should measure the noise.");
    }
}
