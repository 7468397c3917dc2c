using System;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Benchmarks;

/// <summary>
/// Compares the VAT direction of a float32 network with the exact direction of the same network
/// in float64, for several xi. It prints the per-sample cosine of r_adv and the fraction of
/// probed input elements that x + xi * d left unchanged.
/// </summary>
internal static class ProbeAccuracy
{
    public static void Run()
    {
        manual_seed(1);
        using var single = new BenchCnn();
        manual_seed(1);
        using var reference = new BenchCnn();
        reference.to(ScalarType.Float64);

        // Evaluation mode makes both passes deterministic (no dropout, BatchNorm running statistics).
        single.eval();
        reference.eval();
        var generator = new Generator(11);
        Tensor x = randn(new long[] { 64, 1, 28, 28 }, generator: generator);
        Tensor d0 = randn(new long[] { 64, 1, 28, 28 }, generator: generator);
        var exactOptions = new VatOptions { HessianVectorProduct = HessianVectorProduct.DoubleBackprop };
        Tensor exact = VatLoss.Compute(reference, x.to_type(ScalarType.Float64), d0.to_type(ScalarType.Float64), exactOptions)
            .AdversarialPerturbation;

        Console.WriteLine("| float32 probe | xi | mean cosine to float64 exact | min cosine | unchanged probed elements |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (double xi in new[] { 1e-6, 1e-4, 1e-2, 1.0, 10.0 })
        {
            Report("finite difference", xi, VatLoss.Compute(single, x, d0, new VatOptions { Xi = xi }), exact);
        }

        Report("double backprop", double.NaN, VatLoss.Compute(single, x, d0, exactOptions), exact);
    }

    private static void Report(string method, double xi, VatLossResult result, Tensor exact)
    {
        using var scope = NewDisposeScope();
        Tensor approximate = result.AdversarialPerturbation.to_type(ScalarType.Float64).flatten(1);
        Tensor reference = exact.flatten(1);
        Tensor cosine = (approximate * reference).sum(1) / (approximate.norm(1) * reference.norm(1) + 1e-300);
        string xiText = double.IsNaN(xi) ? "-" : xi.ToString("G", CultureInfo.InvariantCulture);
        Console.WriteLine(
            $"| {method} | {xiText} | {Format(cosine.mean().item<double>())} | {Format(cosine.min().item<double>())} | " +
            $"{(100 * result.ProbeDiagnostics.UnchangedInputFraction).ToString("0.0", CultureInfo.InvariantCulture)}% |");
    }

    private static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
