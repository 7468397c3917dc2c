using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// The one-time message sent to <see cref="VatTraining.WarningSink"/> when a model's
/// power-iteration probe is first lost to rounding.
/// </summary>
internal static class ProbeWarning
{
    private static readonly ConditionalWeakTable<nn.Module, object> s_reported = new();

    /// <summary>Probe step from which the float32 finite difference matched the exact direction in docs/benchmarks.md.</summary>
    private const double Float32Xi = 1e-2;

    public static void ReportOnce(nn.Module model, long step, ProbeDiagnostics probe, VatOptions options, ScalarType dtype)
    {
        if (!s_reported.TryAdd(model, new object()))
        {
            return;
        }

        VatTraining.WarningSink(Message(step, probe, options, dtype));
    }

    /// <summary>Builds the warning from the signs that were seen, with fixes that fit the Xi in use.</summary>
    internal static string Message(long step, ProbeDiagnostics probe, VatOptions options, ScalarType dtype)
    {
        string percent = (100 * probe.UnchangedInputFraction).ToString("0.#", CultureInfo.InvariantCulture);
        string xi = options.Xi.ToString("R", CultureInfo.InvariantCulture);
        bool rounding = probe.UnchangedInputFraction > options.ProbeWarningThreshold || probe.ZeroGradientSamplesWithLostProbe > 0;
        int saturated = probe.ZeroGradientSamples - probe.ZeroGradientSamplesWithLostProbe;

        var message = new StringBuilder($"VatDsl: training step {step}: ");
        if (rounding)
        {
            message.Append(
                $"the power-iteration probe x + xi * d left {percent}% of the probed {dtype} input elements unchanged " +
                $"(Xi = {xi}), and {probe.ZeroGradientSamplesWithLostProbe} of {probe.Samples} samples got a zero " +
                "probe gradient because of it, so the VAT direction is rounding noise. ");
            message.Append(options.Xi < Float32Xi
                ? $"Use Xi around {Float32Xi.ToString("R", CultureInfo.InvariantCulture)} for {dtype} inputs scaled " +
                  "to [0, 1] (much larger values bend the direction away from the top eigenvector of the Hessian), "
                : $"Xi = {xi} is already large, so scale the inputs to about [0, 1] or unit variance, ");
            message.Append("set VatOptions.HessianVectorProduct = HessianVectorProduct.DoubleBackprop, which needs no Xi, ");
            message.Append(dtype == ScalarType.Float64 ? "or check for inputs of very large magnitude. " : "or train in float64. ");
        }

        if (saturated > options.ProbeWarningThreshold * probe.Samples)
        {
            message.Append(
                $"{saturated} of {probe.Samples} samples got a zero probe gradient although their probe changed the " +
                $"input, because their predictions are one-hot in {dtype}. Their LDS is 0 for any Xi. If that is " +
                "unexpected, train in float64 or lower the learning rate so the logits grow more slowly. ");
        }

        message.Append("VatStepResult.ProbeLost reports it for every step; this message appears once per model.");
        return message.ToString();
    }
}
