using System.Linq;
using System.Text.Json;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// Exact Hessian-vector products by double backpropagation against the reference power
/// iteration with the exact product and against the finite-difference probe.
/// </summary>
public sealed class HessianVectorProductTests
{
    /// <summary>
    /// The reference computed the same exact power iteration in float64 (d_exact_final), so the
    /// directions agree to float64 rounding of O(1) numbers, 1e-12. The finite-difference
    /// direction with xi = 1e-6 differs from the exact one by O(xi) plus its rounding error;
    /// the reference measured at most 5.3e-8 for these cases, and 1e-7 is the bound for d.
    /// </summary>
    [Theory]
    [InlineData("case1_linear.json", "xi1e-6_eps0.5_Ip1", "hessian_power_iteration")]
    [InlineData("case5_conv_image.json", "xi1e-06_eps1_Ip1", "xi1e-06_hessian_power_iteration")]
    public void Exact_direction_matches_reference(string file, string runName, string check)
    {
        using var scope = NewDisposeScope();
        var golden = GoldenCase.Load(file);
        var model = GoldenModels.Build(golden.Root.GetProperty("case_id").GetString()!, ScalarType.Float64);
        golden.LoadParameters(model, ScalarType.Float64);
        Tensor x = GoldenCase.ToTensor(golden.Inputs.GetProperty("x"), ScalarType.Float64);
        Tensor d0 = GoldenCase.ToTensor(golden.Inputs.GetProperty("d0"), ScalarType.Float64);
        var finiteDifference = VatLossGoldenTests.OptionsOf(golden.Run(runName));
        var exact = finiteDifference with { HessianVectorProduct = HessianVectorProduct.DoubleBackprop };
        JsonElement expected = golden.Root.GetProperty("checks").GetProperty(check).GetProperty("d_exact_final");

        VatLossResult exactLoss = VatLoss.Compute(model, x, d0, exact);
        VatLossResult approximateLoss = VatLoss.Compute(model, x, d0, finiteDifference);

        double[] exactDirection = GoldenCase.ToDoubles(expected);
        TensorAssert.AbsoluteClose(exactDirection, exactLoss.Directions[^1], 1e-12, "exact d[Ip]");
        TensorAssert.AbsoluteClose(exactDirection, approximateLoss.Directions[^1], 1e-7, "finite-difference d[Ip]");
    }

    [Fact]
    public void Input_ignoring_model_gives_zero_product()
    {
        using var scope = NewDisposeScope();
        var model = nn.Sequential(("fc", nn.Linear(4, 3, dtype: ScalarType.Float64)));
        using (no_grad())
        {
            // Zero weights make the logits the bias alone, so D does not depend on r at all.
            model.named_parameters().Single(p => p.name == "fc.weight").parameter.zero_();
        }

        var options = new VatOptions { HessianVectorProduct = HessianVectorProduct.DoubleBackprop };

        VatLossResult vat = VatLoss.Compute(model, randn(3, 4, dtype: ScalarType.Float64), options);

        Assert.Equal(0.0, vat.ProbeGradients[0].abs().max().ToDouble());
        Assert.Equal(0.0, vat.Lds.ToDouble());
    }
}
