using System;
using System.Globalization;
using System.Runtime.CompilerServices;
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

    public static void ReportOnce(nn.Module model, long step, ProbeDiagnostics probe, VatOptions options, ScalarType dtype)
    {
        if (!s_reported.TryAdd(model, new object()))
        {
            return;
        }

        string percent = (100 * probe.UnchangedInputFraction).ToString("0.#", CultureInfo.InvariantCulture);
        string xi = options.Xi.ToString("R", CultureInfo.InvariantCulture);
        VatTraining.WarningSink(
            $"VatDsl: training step {step}: the power-iteration probe x + xi * d left {percent}% of the probed " +
            $"{dtype} input elements unchanged (Xi = {xi}), and {probe.ZeroGradientSamples} of {probe.Samples} samples " +
            "got a zero probe gradient, so the VAT direction is rounding noise or zero. Use a larger Xi (about 1e-3 " +
            "to 10 for float32 inputs of unit scale), train in float64, or set VatOptions.HessianVectorProduct = " +
            "DoubleBackprop. VatStepResult.ProbeLost reports it for every step; this message appears once per model.");
    }
}
