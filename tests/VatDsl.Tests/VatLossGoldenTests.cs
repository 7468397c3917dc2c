using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// Reproduces the PyTorch float64 and float32 reference values (Golden folder) step by step:
/// p, the directions, the probe gradients, r_adv, the LDS, the cross-entropy, the total loss and
/// the parameter gradients of the total loss.
/// </summary>
public sealed class VatLossGoldenTests
{
    /// <summary>
    /// Tolerances for one run. Values that do not depend on the probe (logits, p, d[0], the
    /// cross-entropy) are a few float64 roundings of O(1) numbers, so 1e-12 absolute holds.
    /// With xi = 10 the probe is an ordinary forward pass and everything agrees to ~1e-10.
    /// With xi = 1e-6 the probe gradient is O(1e-8) and comes from differences of
    /// log-probabilities that agree to 1e-7, so float64 rounding (1e-16 on log q) leaves a
    /// relative error up to ~1e-6 on it; d and r_adv inherit it as 1e-7 absolute, and the
    /// LDS, the total loss and the parameter gradients, which depend on r_adv smoothly, move by
    /// the same relative amount (1e-8 for the losses, 1e-6 for the gradients).
    /// </summary>
    private sealed record Tolerances(double Exact, double Gradient, double Direction, double Loss, double ParameterGradient)
    {
        public static Tolerances Float64(double xi) => xi >= 1
            ? new Tolerances(Exact: 1e-12, Gradient: 1e-10, Direction: 1e-10, Loss: 1e-10, ParameterGradient: 1e-10)
            : new Tolerances(Exact: 1e-12, Gradient: 1e-6, Direction: 1e-7, Loss: 1e-8, ParameterGradient: 1e-6);

        /// <summary>
        /// float32 port against float32 reference, xi = 10 only: both round every operation to
        /// 6e-8 relative, in possibly different orders, so a few roundings of accumulated error
        /// stay below 1e-5 relative. (With xi = 1e-6 float32 loses the probe; see the README.)
        /// </summary>
        public static Tolerances Float32 { get; } =
            new(Exact: 1e-6, Gradient: 1e-5, Direction: 1e-5, Loss: 1e-5, ParameterGradient: 1e-5);
    }

    public static TheoryData<string, string> Float64Runs => new()
    {
        { "case1_linear.json", "xi1e-6_eps0.5_Ip1" },
        { "case3_mlp_tanh.json", "xi10_eps1_Ip1" },
        { "case3_mlp_tanh.json", "xi1e-06_eps1_Ip1" },
        { "case5_conv_image.json", "xi1e-06_eps1_Ip1" },
        { "case5_conv_image.json", "xi10_eps1_Ip1" },
    };

    public static TheoryData<string, string> Float32Runs => new()
    {
        { "case3_mlp_tanh.json", "xi10_eps1_Ip1" },
        { "case5_conv_image.json", "xi10_eps1_Ip1" },
    };

    [Theory]
    [MemberData(nameof(Float64Runs))]
    public void Float64_run_matches_reference(string file, string runName)
    {
        var golden = GoldenCase.Load(file);
        JsonElement run = golden.Run(runName);
        AssertRunMatches(golden, run, ScalarType.Float64, Tolerances.Float64(run.GetProperty("xi").GetDouble()));
    }

    [Theory]
    [MemberData(nameof(Float32Runs))]
    public void Float32_run_matches_reference(string file, string runName)
    {
        var golden = GoldenCase.Load(file);
        AssertRunMatches(golden, golden.Run(runName), ScalarType.Float32, Tolerances.Float32);
    }

    private static void AssertRunMatches(GoldenCase golden, JsonElement run, ScalarType dtype, Tolerances tolerance)
    {
        using var scope = NewDisposeScope();
        string caseId = golden.Root.GetProperty("case_id").GetString()!;
        var model = GoldenModels.Build(caseId, dtype);
        golden.LoadParameters(model, dtype);
        Tensor x = GoldenCase.ToTensor(golden.Inputs.GetProperty("x"), dtype);
        Tensor d0 = GoldenCase.ToTensor(golden.Inputs.GetProperty("d0"), dtype);
        Tensor labels = GoldenCase.Labels(golden.Inputs.GetProperty("labels"));
        var options = OptionsOf(run);
        JsonElement expected = run.GetProperty(dtype == ScalarType.Float64 ? "float64" : "float32");

        model.zero_grad();
        VatLossTerms terms = VatTraining.ComputeLoss(model, x, labels, x, d0, options);
        terms.Total.backward();
        VatLossResult vat = terms.Vat;

        TensorAssert.AbsoluteClose(Doubles(expected, "logits"), vat.CleanLogits, tolerance.Exact, "logits");
        TensorAssert.AbsoluteClose(Doubles(expected, "p"), vat.CleanLogProbabilities.exp(), tolerance.Exact, "p");
        var directions = expected.GetProperty("d").EnumerateArray().ToList();
        var gradients = expected.GetProperty("grad").EnumerateArray().ToList();
        Assert.Equal(options.PowerIterations + 1, vat.Directions.Count);
        TensorAssert.AbsoluteClose(GoldenCase.ToDoubles(directions[0]), vat.Directions[0], tolerance.Exact, "d[0]");
        for (int i = 0; i < options.PowerIterations; i++)
        {
            TensorAssert.RelativeClose(GoldenCase.ToDoubles(gradients[i]), vat.ProbeGradients[i], tolerance.Gradient, $"grad[{i}]");
            TensorAssert.AbsoluteClose(GoldenCase.ToDoubles(directions[i + 1]), vat.Directions[i + 1], tolerance.Direction, $"d[{i + 1}]");
        }

        TensorAssert.AbsoluteClose(Doubles(expected, "r_adv"), vat.AdversarialPerturbation, tolerance.Direction, "r_adv");
        TensorAssert.RelativeClose(Doubles(expected, "lds_per_sample"), vat.LdsPerSample, tolerance.Loss, "LDS per sample");
        TensorAssert.RelativeClose(expected.GetProperty("lds").GetDouble(), vat.Lds.ToDouble(), tolerance.Loss, "LDS");
        TensorAssert.RelativeClose(expected.GetProperty("ce").GetDouble(), terms.CrossEntropy.ToDouble(), tolerance.Exact, "cross-entropy");
        TensorAssert.RelativeClose(expected.GetProperty("total_loss").GetDouble(), terms.Total.ToDouble(), tolerance.Loss, "total loss");
        AssertParameterGradients(model, expected.GetProperty("grad_total_wrt_params"), tolerance.ParameterGradient, "total loss");
    }

    internal static VatOptions OptionsOf(JsonElement run) => new()
    {
        Xi = run.GetProperty("xi").GetDouble(),
        Epsilon = run.GetProperty("eps").GetDouble(),
        PowerIterations = run.GetProperty("Ip").GetInt32(),
        Alpha = run.GetProperty("alpha").GetDouble(),
        Normalization = run.GetProperty("normalize").GetString() == "tf_safe"
            ? DirectionNormalization.Stabilized
            : DirectionNormalization.L2,
    };

    internal static void AssertParameterGradients(nn.Module model, JsonElement expected, double tolerance, string loss)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (JsonProperty entry in expected.EnumerateObject())
        {
            Tensor? gradient = parameters[entry.Name].grad;
            Assert.True(gradient is not null, $"{entry.Name} has no gradient after backward of the {loss}.");
            TensorAssert.RelativeClose(GoldenCase.ToDoubles(entry.Value), gradient!, tolerance, $"d({loss})/d({entry.Name})");
        }
    }

    private static double[] Doubles(JsonElement run, string name) => GoldenCase.ToDoubles(run.GetProperty(name));
}
