using System;
using System.Collections.Generic;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// The float32 probe guard: a step reports when x + xi * d rounds back to x or a sample's probe
/// gradient is zero, and sends one message per model to the warning sink.
/// </summary>
public sealed class ProbeWarningTests
{
    private const int Features = 784;

    /// <summary>
    /// Each probe component is xi * d_i with |d_i| about 1 / sqrt(784) = 0.036, so 3.6e-8 for
    /// xi = 1e-6. That is below half the float32 spacing of every input with |x| >= 1 (6e-8)
    /// and of many with |x| in [0.5, 1), so about half of standard normal inputs keep their
    /// value: this batch leaves 55% of the elements unchanged, and the test requires 30%.
    /// </summary>
    [Fact]
    public void Float32_small_xi_reports_lost_probe_once()
    {
        using var scope = NewDisposeScope();
        var messages = new List<string>();
        Action<string> previous = VatTraining.WarningSink;
        VatTraining.WarningSink = messages.Add;
        try
        {
            var (model, labeledX, labels, unlabeledX) = Problem(ScalarType.Float32);
            using var optimizer = optim.SGD(model.parameters(), 0.01);
            var options = new VatOptions { Xi = 1e-6 };

            var results = new List<VatStepResult>();
            for (int i = 0; i < 3; i++)
            {
                results.Add(VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, options));
            }

            Assert.All(results, r => Assert.True(r.ProbeLost));
            Assert.All(results, r => Assert.True(r.Probe.UnchangedInputFraction > 0.3, $"Unchanged fraction {r.Probe.UnchangedInputFraction}."));
            Assert.Single(messages);
            Assert.Contains("training step 1", messages[0]);
            Assert.Contains("Xi = 1E-06", messages[0]);
            Assert.Contains("DoubleBackprop", messages[0]);
        }
        finally
        {
            VatTraining.WarningSink = previous;
        }
    }

    [Theory]
    [InlineData(10.0, HessianVectorProduct.FiniteDifference)]
    [InlineData(1e-6, HessianVectorProduct.DoubleBackprop)]
    public void Large_xi_or_exact_product_keeps_probe(double xi, HessianVectorProduct product)
    {
        using var scope = NewDisposeScope();
        var messages = new List<string>();
        Action<string> previous = VatTraining.WarningSink;
        VatTraining.WarningSink = messages.Add;
        try
        {
            var (model, labeledX, labels, unlabeledX) = Problem(ScalarType.Float32);
            using var optimizer = optim.SGD(model.parameters(), 0.01);
            var options = new VatOptions { Xi = xi, HessianVectorProduct = product };

            VatStepResult result = VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, options);

            Assert.False(result.ProbeLost);
            Assert.Equal(0.0, result.Probe.UnchangedInputFraction);
            Assert.Equal(0, result.Probe.ZeroGradientSamples);
            Assert.Equal(16, result.Probe.Samples);
            Assert.Empty(messages);
        }
        finally
        {
            VatTraining.WarningSink = previous;
        }
    }

    [Fact]
    public void Zero_probe_gradient_counts_samples()
    {
        using var scope = NewDisposeScope();
        var model = nn.Sequential(("fc", nn.Linear(4, 3, dtype: ScalarType.Float64)));
        using (no_grad())
        {
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (name == "fc.weight")
                {
                    parameter.zero_();
                }
            }
        }

        VatLossResult vat = VatLoss.Compute(model, randn(5, 4, dtype: ScalarType.Float64), new VatOptions());

        Assert.Equal(5, vat.ProbeDiagnostics.ZeroGradientSamples);
        Assert.True(vat.ProbeDiagnostics.IsLost(VatOptions.DefaultProbeWarningThreshold));
    }

    [Fact]
    public void Threshold_outside_unit_interval_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new VatOptions { ProbeWarningThreshold = 1.5 }.Validate());

        Assert.Equal("ProbeWarningThreshold", error.ParamName);
    }

    private static (nn.Module<Tensor, Tensor> Model, Tensor LabeledX, Tensor Labels, Tensor UnlabeledX) Problem(ScalarType dtype)
    {
        var model = TestModels.Mlp(Features, 32, 10, dtype: dtype);
        var generator = new Generator(3);
        Tensor labeledX = randn(new long[] { 8, Features }, generator: generator).to_type(dtype);
        Tensor labels = randint(0, 10, new long[] { 8 }, dtype: ScalarType.Int64, generator: generator);
        Tensor unlabeledX = randn(new long[] { 16, Features }, generator: generator).to_type(dtype);
        return (model, labeledX, labels, unlabeledX);
    }
}
