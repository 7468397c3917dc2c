using System.Linq;
using System.Text.Json;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// The conditional entropy term of VAT+EntMin against the reference case 6: its value, its
/// gradient with respect to the logits and the parameters, and the total loss
/// CE + alpha * LDS + entropy with its parameter gradients.
/// </summary>
public sealed class EntropyGoldenTests
{
    private const string File = "case6_entropy_min.json";

    /// <summary>
    /// The entropy does not depend on the probe: it is a handful of float64 operations on O(1)
    /// numbers, so value and gradients agree to 1e-12 absolute, the bound the reference's
    /// README gives for p, logits, CE and entropy.
    /// </summary>
    private const double EntropyTolerance = 1e-12;

    [Fact]
    public void Entropy_and_gradients_match_reference()
    {
        using var scope = NewDisposeScope();
        var golden = GoldenCase.Load(File);
        JsonElement expected = golden.Root.GetProperty("entropy").GetProperty("float64");
        var (model, x, d0, _) = Load(golden, ScalarType.Float64);
        var options = VatLossGoldenTests.OptionsOf(golden.Run("xi10_eps1_Ip1")) with { EntropyWeight = 1 };

        model.zero_grad();
        VatLossResult vat = VatLoss.Compute(model, x, d0, options);
        Tensor logitsGradient = autograd.grad(new[] { vat.ConditionalEntropy }, new[] { vat.CleanLogits }, retain_graph: true)[0];
        vat.ConditionalEntropy.backward();

        Assert.Equal(expected.GetProperty("cond_entropy").GetDouble(), vat.ConditionalEntropy.ToDouble(), EntropyTolerance);
        TensorAssert.AbsoluteClose(GoldenCase.ToDoubles(expected.GetProperty("grad_cond_entropy_wrt_logits")), logitsGradient,
            EntropyTolerance, "d(entropy)/d(logits)");
        foreach (var (name, parameter) in model.named_parameters())
        {
            TensorAssert.AbsoluteClose(GoldenCase.ToDoubles(expected.GetProperty("grad_cond_entropy_wrt_params").GetProperty(name)),
                parameter.grad!, EntropyTolerance, $"d(entropy)/d({name})");
        }
    }

    [Fact]
    public void Entropy_without_weight_has_no_gradient()
    {
        using var scope = NewDisposeScope();
        var golden = GoldenCase.Load(File);
        var (model, x, d0, _) = Load(golden, ScalarType.Float64);
        var options = VatLossGoldenTests.OptionsOf(golden.Run("xi10_eps1_Ip1"));

        VatLossResult vat = VatLoss.Compute(model, x, d0, options);

        Assert.False(vat.CleanLogits.requires_grad);
        Assert.False(vat.ConditionalEntropy.requires_grad);
        Assert.Equal(golden.Root.GetProperty("entropy").GetProperty("float64").GetProperty("cond_entropy").GetDouble(),
            vat.ConditionalEntropy.ToDouble(), EntropyTolerance);
    }

    /// <summary>
    /// The total adds the entropy to CE + alpha * LDS, so it inherits the LDS tolerances of
    /// <see cref="VatLossGoldenTests"/>: 1e-10 relative with xi = 10, 1e-8 (loss) and 1e-6
    /// (gradients) with xi = 1e-6 in float64, and 1e-5 relative in float32.
    /// </summary>
    [Theory]
    [InlineData("xi10_eps1_Ip1", "float64", 1e-10, 1e-10)]
    [InlineData("xi1e-06_eps1_Ip1", "float64", 1e-8, 1e-6)]
    [InlineData("xi10_eps1_Ip1", "float32", 1e-5, 1e-5)]
    public void Total_with_entropy_matches_reference(string runName, string precision, double lossTolerance, double gradientTolerance)
    {
        using var scope = NewDisposeScope();
        var golden = GoldenCase.Load(File);
        ScalarType dtype = precision == "float64" ? ScalarType.Float64 : ScalarType.Float32;
        var (model, x, d0, labels) = Load(golden, dtype);
        JsonElement run = golden.Run(runName);
        JsonElement expected = run.GetProperty(precision);
        var options = VatLossGoldenTests.OptionsOf(run) with { EntropyWeight = 1 };

        model.zero_grad();
        VatLossTerms terms = VatTraining.ComputeLoss(model, x, labels, x, d0, options);
        terms.Total.backward();

        TensorAssert.RelativeClose(expected.GetProperty("total_vat_ent_loss").GetDouble(), terms.Total.ToDouble(), lossTolerance,
            "CE + alpha * LDS + entropy");
        VatLossGoldenTests.AssertParameterGradients(model, expected.GetProperty("grad_total_vat_ent_wrt_params"), gradientTolerance,
            "total loss with entropy");
    }

    private static (nn.Module<Tensor, Tensor> Model, Tensor X, Tensor D0, Tensor Labels) Load(GoldenCase golden, ScalarType dtype)
    {
        var model = GoldenModels.Build("case6_entropy_min", dtype);
        golden.LoadParameters(model, dtype);
        return (model,
            GoldenCase.ToTensor(golden.Inputs.GetProperty("x"), dtype),
            GoldenCase.ToTensor(golden.Inputs.GetProperty("d0"), dtype),
            GoldenCase.Labels(golden.Inputs.GetProperty("labels")));
    }
}
