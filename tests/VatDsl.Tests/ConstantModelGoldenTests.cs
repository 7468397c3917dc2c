using System.Text.Json;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// Reference case 7a: logits that do not depend on x give an exactly zero probe gradient. The
/// stabilized normalization turns it into a zero direction and an LDS of exactly 0; plain L2
/// normalization gives 0/0, which the loss reports instead of returning NaN.
/// </summary>
public sealed class ConstantModelGoldenTests
{
    private const string File = "case7a_constant_model.json";

    /// <summary>
    /// d[0] is the stabilized normalization of the raw d0, a few roundings of O(1) numbers:
    /// 1e-12 absolute in float64 and 1e-6 in float32 (float32 rounding is 6e-8 relative).
    /// Everything after it is exactly zero, because the gradient is exactly zero.
    /// </summary>
    [Theory]
    [InlineData("tf_safe_xi1e-6_eps1_Ip1", "float64", 1e-12)]
    [InlineData("tf_safe_xi1e-6_eps1_Ip2", "float64", 1e-12)]
    [InlineData("tf_safe_xi1e-6_eps1_Ip1", "float32", 1e-6)]
    public void Stabilized_zero_gradient_gives_zero_lds(string runName, string precision, double tolerance)
    {
        using var scope = NewDisposeScope();
        var golden = GoldenCase.Load(File);
        ScalarType dtype = precision == "float64" ? ScalarType.Float64 : ScalarType.Float32;
        var model = GoldenModels.Build("case7a_constant_model", dtype);
        golden.LoadParameters(model, dtype);
        JsonElement run = golden.Run(runName);
        var options = VatLossGoldenTests.OptionsOf(run);
        Assert.Equal(DirectionNormalization.Stabilized, options.Normalization);

        VatLossResult vat = VatLoss.Compute(model, Input(golden, "x", dtype), Input(golden, "d0", dtype), options);

        var directions = run.GetProperty(precision).GetProperty("d").EnumerateArray().GetEnumerator();
        directions.MoveNext();
        TensorAssert.AbsoluteClose(GoldenCase.ToDoubles(directions.Current), vat.Directions[0], tolerance, "d[0]");
        for (int i = 1; i < vat.Directions.Count; i++)
        {
            Assert.Equal(0.0, vat.Directions[i].abs().max().ToDouble());
        }

        Assert.Equal(0.0, vat.AdversarialPerturbation.abs().max().ToDouble());
        Assert.Equal(0.0, vat.Lds.ToDouble());
        Assert.True(vat.LdsPerSample.isfinite().all().item<bool>(), "LDS per sample has NaN or infinite values.");
    }

    [Fact]
    public void L2_zero_gradient_throws_direction_error()
    {
        using var scope = NewDisposeScope();
        var golden = GoldenCase.Load(File);
        var model = GoldenModels.Build("case7a_constant_model", ScalarType.Float64);
        golden.LoadParameters(model, ScalarType.Float64);
        var options = VatLossGoldenTests.OptionsOf(golden.Run("l2_xi1e-6_eps1_Ip1"));
        Assert.Equal(DirectionNormalization.L2, options.Normalization);

        var error = Assert.Throws<NonFiniteValueException>(() => VatLoss.Compute(model,
            Input(golden, "x", ScalarType.Float64), Input(golden, "d0", ScalarType.Float64), options));

        Assert.Equal(TrainingTerm.Direction, error.Term);
        Assert.Null(error.Step);
        Assert.Contains("NaN", error.Message);
        Assert.Contains("DirectionNormalization.Stabilized", error.Message);
    }

    [Fact]
    public void Input_ignoring_model_gives_zero_lds()
    {
        using var scope = NewDisposeScope();
        var golden = GoldenCase.Load(File);
        var bias = GoldenCase.ToTensor(golden.Root.GetProperty("model").GetProperty("params").GetProperty("fc.bias"), ScalarType.Float64);
        var model = new BiasOnly(bias);
        var options = VatLossGoldenTests.OptionsOf(golden.Run("tf_safe_xi1e-6_eps1_Ip1"));

        VatLossResult vat = VatLoss.Compute(model, Input(golden, "x", ScalarType.Float64), Input(golden, "d0", ScalarType.Float64), options);

        Assert.Equal(0.0, vat.Lds.ToDouble());
        Assert.Equal(0.0, vat.AdversarialPerturbation.abs().max().ToDouble());
    }

    private static Tensor Input(GoldenCase golden, string name, ScalarType dtype) =>
        GoldenCase.ToTensor(golden.Inputs.GetProperty(name), dtype);

    /// <summary>Returns its bias for every sample and never reads x, so x is not in the autograd graph.</summary>
    private sealed class BiasOnly : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Parameter bias;

        public BiasOnly(Tensor value)
            : base(nameof(BiasOnly))
        {
            bias = nn.Parameter(value.clone());
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => bias.unsqueeze(0).expand(input.shape[0], -1);
    }
}
