using System;
using System.Collections.Generic;
using System.Linq;
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
            Assert.Contains("Float32", messages[0]);
            Assert.Contains("Use Xi around 0.01", messages[0]);
            Assert.Contains("DoubleBackprop", messages[0]);
            Assert.Contains("float64", messages[0]);
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

    /// <summary>
    /// Sample 0 is x = (1000, 0) through logits (x1, x2, -x1 - x2), a margin of 1000 nat, so
    /// softmax in float32 is exactly one-hot at x and at x + r and the probe gradient is exactly
    /// zero. Xi = 1e-3 moves every element (the float32 spacing at 1000 is 6e-5), so the
    /// probe is not lost, and 1 of 16 samples stays under the 10% threshold.
    /// </summary>
    [Fact]
    public void Saturated_sample_is_not_lost_probe()
    {
        using var scope = NewDisposeScope();
        var model = nn.Sequential(("fc", nn.Linear(2, 3, hasBias: false)));
        using (no_grad())
        {
            model.parameters().Single().copy_(tensor(new float[] { 1, 0, 0, 1, -1, -1 }).reshape(3, 2));
        }

        Tensor x = randn(new long[] { 16, 2 }, generator: new Generator(4));
        x[0, 0] = tensor(1000f);
        x[0, 1] = tensor(0f);

        VatLossResult vat = VatLoss.Compute(model, x, new VatOptions { Xi = 1e-3 }, new Generator(5));

        Assert.Equal(1, vat.ProbeDiagnostics.ZeroGradientSamples);
        Assert.Equal(0, vat.ProbeDiagnostics.ZeroGradientSamplesWithLostProbe);
        Assert.Equal(0.0, vat.ProbeDiagnostics.UnchangedInputFraction);
        Assert.False(vat.ProbeDiagnostics.IsLost(VatOptions.DefaultProbeWarningThreshold));
    }

    [Fact]
    public void Message_for_saturated_batch_omits_larger_xi()
    {
        var probe = new ProbeDiagnostics(UnchangedInputFraction: 0, ZeroGradientSamples: 5, Samples: 8);

        string message = ProbeWarning.Message(4, probe, new VatOptions(), ScalarType.Float32);

        Assert.Contains("training step 4", message);
        Assert.Contains("5 of 8 samples", message);
        Assert.Contains("one-hot in Float32", message);
        Assert.DoesNotContain("Use Xi around", message);
        Assert.DoesNotContain("unchanged", message);
    }

    [Fact]
    public void Message_with_large_xi_omits_larger_xi()
    {
        var probe = new ProbeDiagnostics(UnchangedInputFraction: 0.5, ZeroGradientSamples: 0, Samples: 8);

        string message = ProbeWarning.Message(1, probe, new VatOptions { Xi = 0.05 }, ScalarType.Float32);

        Assert.Contains("50% of the probed Float32 input elements unchanged", message);
        Assert.Contains("Xi = 0.05 is already large", message);
        Assert.DoesNotContain("Use Xi around", message);
        Assert.Contains("DoubleBackprop", message);
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
