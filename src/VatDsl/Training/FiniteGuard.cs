using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>Throws <see cref="NonFiniteValueException"/> with the likely cause when a tensor contains NaN or infinity.</summary>
internal static class FiniteGuard
{
    public static void Ensure(Tensor value, TrainingTerm term, long? step, VatOptions? options, Tensor? input = null,
        string? name = null)
    {
        using var noGrad = no_grad();
        if (value.isfinite().all().item<bool>())
        {
            return;
        }

        string kind = value.isnan().any().item<bool>() ? "NaN" : "infinite";
        string where = step is long n ? $"Training step {n}" : "VAT loss";
        string inputNote = input is not null && !input.isfinite().all().item<bool>()
            ? $" The input batch itself contains {CountNonFinite(input)} NaN or infinite values; clean the data first."
            : string.Empty;
        string subject = name is null ? Describe(term) : $"{Describe(term)} ('{name}')";
        throw new NonFiniteValueException(term, step, $"{where}: {subject} is {kind}.{inputNote} {LikelyCause(term, options)}");
    }

    private static long CountNonFinite(Tensor input) => input.isfinite().logical_not().sum().item<long>();

    private static string Describe(TrainingTerm term) => term switch
    {
        TrainingTerm.CrossEntropy => "the cross-entropy of the labeled batch",
        TrainingTerm.UnlabeledLogits => "the logits of the unlabeled batch",
        TrainingTerm.Direction => "the perturbation direction of the power iteration",
        TrainingTerm.Lds => "the LDS (KL divergence at x + r_adv)",
        TrainingTerm.ConditionalEntropy => "the conditional entropy of the unlabeled predictions",
        _ => "a gradient of the total loss with respect to the parameters",
    };

    private static string LikelyCause(TrainingTerm term, VatOptions? options)
    {
        string epsilon = options is null ? string.Empty : $" (now {Format(options.Epsilon)})";
        string xi = options is null ? string.Empty : $" (now {Format(options.Xi)})";
        return term switch
        {
            TrainingTerm.Direction when options?.Normalization == DirectionNormalization.L2 =>
                "DirectionNormalization.L2 turns a zero gradient into 0/0; use DirectionNormalization.Stabilized, " +
                "which maps it to a zero direction.",
            TrainingTerm.Direction =>
                $"Likely causes: Xi{xi} is too large for the scale of the inputs, the inputs are not normalized, " +
                "or the weights diverged because the learning rate is too high.",
            TrainingTerm.Lds =>
                $"Likely causes: Epsilon{epsilon} is too large for the scale of the inputs (normalize the inputs or lower " +
                "Epsilon), or the learning rate is too high.",
            TrainingTerm.ParameterGradients =>
                "The loss was finite, so the gradients exploded: lower the learning rate, Alpha or Epsilon. " +
                "The optimizer step was skipped and the parameters are unchanged.",
            _ =>
                "Likely causes: the learning rate is too high and the weights diverged, or the inputs are not " +
                "normalized. Lower the learning rate or scale the inputs to unit variance.",
        };
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
