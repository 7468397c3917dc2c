using System;

namespace VatDsl;

/// <summary>The quantity of a training step that turned out NaN or infinite.</summary>
public enum TrainingTerm
{
    /// <summary>Cross-entropy of the labeled batch.</summary>
    CrossEntropy,

    /// <summary>Logits of the clean unlabeled batch, from which p = softmax(f(x)) is taken.</summary>
    UnlabeledLogits,

    /// <summary>Perturbation direction found by the power iteration.</summary>
    Direction,

    /// <summary>Local distributional smoothness KL(p(y|x) || p(y|x + r_adv)).</summary>
    Lds,

    /// <summary>Conditional entropy of the unlabeled predictions.</summary>
    ConditionalEntropy,

    /// <summary>Gradients of the total loss with respect to the parameters.</summary>
    ParameterGradients,

    /// <summary>Logits of a batch in <see cref="VatTraining.Evaluate"/>, whose argmax would be meaningless.</summary>
    EvaluationLogits,
}

/// <summary>
/// Thrown when a loss term, the perturbation direction, a gradient or the logits of an
/// evaluation batch are NaN or infinite. The training step throws it before
/// <c>optimizer.step()</c>, so the parameters keep their values.
/// </summary>
public sealed class NonFiniteValueException : ArithmeticException
{
    /// <summary>Creates the exception for <paramref name="term"/> at training step <paramref name="step"/>.</summary>
    public NonFiniteValueException(TrainingTerm term, long? step, string message)
        : base(message)
    {
        Term = term;
        Step = step;
    }

    /// <summary>The quantity that was not finite.</summary>
    public TrainingTerm Term { get; }

    /// <summary>
    /// One-based number of the failed training step: the steps that completed on the model before
    /// it, plus one. Rejected calls do not count. Null outside a training step.
    /// </summary>
    public long? Step { get; }
}
