using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>Random perturbation training (RPT): the KL at epsilon * normalize(Gaussian), through the same step.</summary>
public sealed class RandomPerturbationTests
{
    [Fact]
    public void Perturbation_is_scaled_initial_direction()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(5, 8, 3, dtype: ScalarType.Float64);
        Tensor x = randn(4, 5, dtype: ScalarType.Float64);
        Tensor d0 = randn(4, 5, dtype: ScalarType.Float64);
        var options = new VatOptions { Method = PerturbationMethod.RandomPerturbation, Epsilon = 1.5, PowerIterations = 3 };

        VatLossResult rpt = VatLoss.Compute(model, x, d0, options);

        Assert.Single(rpt.Directions);
        Assert.Empty(rpt.ProbeGradients);
        Tensor expected = PerturbationDirection.Normalize(d0, DirectionNormalization.Stabilized) * 1.5;
        Assert.True(TensorAssert.Identical(expected, rpt.AdversarialPerturbation));
        Tensor kl = KlDivergence.PerSample(rpt.CleanLogProbabilities, model.call(x + expected));
        Assert.True(TensorAssert.Identical(kl, rpt.LdsPerSample));
    }

    /// <summary>
    /// The virtual adversarial direction maximizes the second-order KL among directions of the
    /// same norm, so with the same start and enough power iterations its LDS exceeds the LDS at
    /// the random start.
    /// </summary>
    [Fact]
    public void Random_lds_is_below_virtual_adversarial_lds()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(5, 8, 3, dtype: ScalarType.Float64);
        Tensor x = randn(16, 5, dtype: ScalarType.Float64);
        Tensor d0 = randn(16, 5, dtype: ScalarType.Float64);
        var vat = new VatOptions { Epsilon = 0.1, Xi = 1e-6, PowerIterations = 4 };
        var rpt = vat with { Method = PerturbationMethod.RandomPerturbation };

        double vatLds = VatLoss.Compute(model, x, d0, vat).Lds.ToDouble();
        double rptLds = VatLoss.Compute(model, x, d0, rpt).Lds.ToDouble();

        Assert.True(rptLds < vatLds, $"RPT LDS {rptLds} is not below the VAT LDS {vatLds}.");
    }

    [Fact]
    public void Random_perturbation_trains_through_step()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(12, 4, 3, seed: 1);
        var (unlabeledX, _) = SyntheticData.Blobs(64, 4, 3, seed: 2);
        var model = TestModels.Mlp(4, 16, 3);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        var options = new VatOptions { Method = PerturbationMethod.RandomPerturbation, Epsilon = 1.0 };

        VatStepResult first = VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, options);
        VatStepResult last = first;
        for (int i = 0; i < 100; i++)
        {
            last = VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, options);
        }

        Assert.True(first.Lds > 0);
        Assert.True(last.CrossEntropy < 0.5 * first.CrossEntropy, $"Cross-entropy fell only from {first.CrossEntropy} to {last.CrossEntropy}.");
    }
}
