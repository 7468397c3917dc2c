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

        // Non-finite inputs explain every later NaN, so the other causes would only mislead.
        string cause = input is not null && !input.isfinite().all().item<bool>()
            ? $"The input batch contains {CountNonFinite(input)} NaN or infinite values. Clean or impute them before training."
            : LikelyCause(term, options);
        string subject = name is null ? Describe(term) : $"{Describe(term)} ('{name}')";
        throw new NonFiniteValueException(term, step, $"{where}: {subject} {Verb(term)} {kind}. {cause}");
    }

    private static string Verb(TrainingTerm term) =>
        term is TrainingTerm.UnlabeledLogits or TrainingTerm.EvaluationLogits ? "are" : "is";

    /// <summary>
    /// Throws <see cref="NonFiniteValueException"/> when the logits of the evaluation batch that
    /// starts at sample <paramref name="start"/> contain NaN or infinity. The argmax of NaN
    /// logits is class 0, so the accuracy would silently count them as predictions.
    /// </summary>
    public static void EnsureEvaluationLogits(Tensor logits, Tensor batch, long start)
    {
        using var noGrad = no_grad();
        if (logits.isfinite().all().item<bool>())
        {
            return;
        }

        string kind = logits.isnan().any().item<bool>() ? "NaN" : "infinite";
        long end = start + batch.shape[0];
        string cause = batch.isfinite().all().item<bool>()
            ? "The inputs of these samples are finite, so the model itself diverged (NaN or infinite weights, for " +
              "example after a too high learning rate). Reload a checkpoint saved before the divergence, or retrain " +
              "with a lower learning rate."
            : $"The inputs of these samples contain {CountNonFinite(batch)} NaN or infinite values. Clean or impute " +
              "them before evaluating.";
        throw new NonFiniteValueException(TrainingTerm.EvaluationLogits, step: null,
            $"Evaluate: the logits of samples [{start}, {end}) contain {kind} values. {cause}");
    }

    private static long CountNonFinite(Tensor input) => input.isfinite().logical_not().sum().item<long>();

    private static string Describe(TrainingTerm term) => term switch
    {
        TrainingTerm.CrossEntropy => "the cross-entropy of the labeled batch",
        TrainingTerm.UnlabeledLogits => "the logits of the unlabeled batch",
        TrainingTerm.Direction => "the perturbation direction of the power iteration",
        TrainingTerm.Lds => "the LDS (KL divergence at x + r_adv)",
        TrainingTerm.ConditionalEntropy => "the conditional entropy of the unlabeled predictions",
        TrainingTerm.EvaluationLogits => "the logits of the evaluation batch",
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
