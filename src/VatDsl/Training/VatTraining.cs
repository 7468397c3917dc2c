using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace VatDsl;

/// <summary>
/// Training steps shared by every generated network. Generated <c>TrainStep</c>,
/// <c>SupervisedStep</c> and <c>Evaluate</c> methods check shapes against the declaration and
/// then call these.
/// </summary>
public static class VatTraining
{
    private static readonly ConditionalWeakTable<nn.Module, StrongBox<long>> s_stepCounts = new();
    private static Action<string> s_warningSink = message => Console.Error.WriteLine(message);

    /// <summary>
    /// Receives the library's one-time warnings, such as a power-iteration probe lost to float
    /// rounding. Defaults to writing to standard error; route it to a logger with, for example,
    /// <c>VatTraining.WarningSink = message => logger.LogWarning(message)</c>.
    /// </summary>
    public static Action<string> WarningSink
    {
        get => s_warningSink;
        set => s_warningSink = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Runs one optimizer step on cross-entropy(labeledX, labels) + alpha * LDS(unlabeledX).
    /// Every tensor it creates is freed before it returns.
    /// </summary>
    public static VatStepResult Step(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels,
        Tensor unlabeledX, optim.Optimizer optimizer, VatOptions options)
        => Step(model, labeledX, labels, unlabeledX, optimizer, options, generator: null);

    /// <summary>
    /// Runs one optimizer step on cross-entropy(labeledX, labels) + alpha * LDS(unlabeledX)
    /// (+ EntropyWeight * conditional entropy), drawing the VAT direction from
    /// <paramref name="generator"/> (null: the global generator).
    /// </summary>
    /// <remarks>
    /// Order: training mode; zero gradients; labeled forward and cross-entropy (the only pass that
    /// updates BatchNorm statistics); the VAT loss; backward; a finiteness check of every term
    /// and gradient; <c>optimizer.step()</c>. A NaN or infinite value throws
    /// <see cref="NonFiniteValueException"/> before the optimizer step, so the parameters keep
    /// their values.
    /// </remarks>
    public static VatStepResult Step(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels,
        Tensor unlabeledX, optim.Optimizer optimizer, VatOptions options, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ValidateLabeled(model, labeledX, labels);
        OptimizerGuard.EnsureOptimizesModel(model, optimizer, nameof(optimizer));
        long step = PendingStep(model);
        using var scope = NewDisposeScope();
        model.train();
        optimizer.zero_grad();

        VatLossTerms terms = ComputeLoss(model, labeledX, labels, unlabeledX, options, generator, initialDirection: null, step);
        terms.Total.backward();
        EnsureFiniteGradients(model, step);
        optimizer.step();
        CompleteStep(model);

        ProbeDiagnostics probe = terms.Vat.ProbeDiagnostics;
        bool probeLost = probe.IsLost(options.ProbeWarningThreshold);
        var result = new VatStepResult(terms.CrossEntropy.ToDouble(), terms.Lds.ToDouble(), terms.Total.ToDouble())
        {
            ConditionalEntropy = terms.ConditionalEntropy.ToDouble(),
            Probe = probe,
            ProbeLost = probeLost,
        };
        if (probeLost)
        {
            ProbeWarning.ReportOnce(model, step, probe, options, unlabeledX.dtype);
        }

        NativeMemoryTrimmer.OnStepCompleted();
        return result;
    }

    /// <summary>Runs one optimizer step on the labeled cross-entropy alone.</summary>
    public static VatStepResult SupervisedStep(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels,
        optim.Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ValidateLabeled(model, labeledX, labels);
        OptimizerGuard.EnsureOptimizesModel(model, optimizer, nameof(optimizer));
        long step = PendingStep(model);
        using var scope = NewDisposeScope();
        model.train();
        TrainingInputGuard.EnsureBatchNormBatch(model, labeledX, nameof(labeledX));
        optimizer.zero_grad();

        Tensor crossEntropy = CrossEntropy(model, labeledX, labels, step);
        crossEntropy.backward();
        EnsureFiniteGradients(model, step);
        optimizer.step();
        CompleteStep(model);

        double value = crossEntropy.ToDouble();
        NativeMemoryTrimmer.OnStepCompleted();
        return new VatStepResult(value, 0, value);
    }

    /// <summary>
    /// Computes the VAT objective without stepping an optimizer: cross-entropy of the labeled
    /// batch, the VAT loss of the unlabeled batch and their weighted sum, all with gradients.
    /// Runs in the model's current mode; call it inside <c>torch.NewDisposeScope()</c>.
    /// </summary>
    public static VatLossTerms ComputeLoss(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels,
        Tensor unlabeledX, VatOptions options, Generator? generator = null)
        => ComputeLoss(model, labeledX, labels, unlabeledX, options, generator, initialDirection: null, step: null);

    /// <summary>
    /// Computes the VAT objective like <see cref="ComputeLoss(nn.Module{Tensor, Tensor}, Tensor, Tensor, Tensor, VatOptions, Generator?)"/>,
    /// starting the power iteration from the raw direction <paramref name="initialDirection"/>
    /// instead of a Gaussian draw. The direction has the shape of the regularized batch: that of
    /// <paramref name="unlabeledX"/>, or of both batches concatenated with
    /// <see cref="RegularizedSamples.LabeledAndUnlabeled"/>.
    /// </summary>
    public static VatLossTerms ComputeLoss(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels,
        Tensor unlabeledX, Tensor initialDirection, VatOptions options)
    {
        ArgumentNullException.ThrowIfNull(initialDirection);
        return ComputeLoss(model, labeledX, labels, unlabeledX, options, generator: null, initialDirection, step: null);
    }

    /// <summary>Returns the accuracy of <paramref name="model"/> on (x, labels), evaluated in batches in evaluation mode.</summary>
    /// <remarks>
    /// Runs without gradients and puts back the training flag of the model and of every
    /// submodule afterwards, even when it throws. Throws <see cref="NonFiniteValueException"/>
    /// when a batch's logits contain NaN or infinity, instead of counting their argmax.
    /// </remarks>
    public static double Evaluate(nn.Module<Tensor, Tensor> model, Tensor x, Tensor labels, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        TrainingInputGuard.EnsureFloatingBatch(x, nameof(x));
        TrainingInputGuard.EnsureMatchesParameters(model, x, nameof(x));
        TrainingInputGuard.EnsureLabels(labels, x.shape[0], nameof(labels));
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"batchSize is {batchSize}; it must be at least 1.");
        }

        // modules() leaves out the root in TorchSharp 0.107, and train() is recursive, so the
        // flags are restored root first, then in the pre-order that modules() returns.
        var flags = new[] { (Module: (nn.Module)model, model.training) }
            .Concat(model.modules().Select(m => (Module: m, m.training)))
            .ToList();
        try
        {
            model.eval();
            using var noGrad = no_grad();
            long total = x.shape[0];
            long correct = 0;
            for (long start = 0; start < total; start += batchSize)
            {
                using var scope = NewDisposeScope();
                long length = Math.Min(batchSize, total - start);
                Tensor batch = x.narrow(0, start, length);
                Tensor logits = model.call(batch);
                TrainingInputGuard.EnsureLogitsShape(logits, length, "evaluation");
                FiniteGuard.EnsureEvaluationLogits(logits, batch, start);
                Tensor batchLabels = labels.narrow(0, start, length);
                TrainingInputGuard.EnsureLabelRange(batchLabels, logits.shape[1], nameof(labels));
                correct += logits.argmax(1).eq(batchLabels).sum().item<long>();
            }

            return (double)correct / total;
        }
        finally
        {
            foreach (var (module, training) in flags)
            {
                module.train(training);
            }
        }
    }

    private static VatLossTerms ComputeLoss(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels,
        Tensor unlabeledX, VatOptions options, Generator? generator, Tensor? initialDirection, long? step)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ValidateLabeled(model, labeledX, labels);
        TrainingInputGuard.EnsureFloatingBatch(unlabeledX, nameof(unlabeledX));
        TrainingInputGuard.EnsureMatchesParameters(model, unlabeledX, nameof(unlabeledX));

        TrainingInputGuard.EnsureBatchNormBatch(model, labeledX, nameof(labeledX));
        Tensor regularized = RegularizedBatch(labeledX, unlabeledX, options.RegularizedSamples);
        TrainingInputGuard.EnsureBatchNormBatch(model, regularized, nameof(unlabeledX));

        Tensor crossEntropy = CrossEntropy(model, labeledX, labels, step);
        VatLossResult vat = initialDirection is null
            ? VatLoss.Compute(model, regularized, options, generator, step)
            : VatLoss.Compute(model, regularized, initialDirection, options);
        FiniteGuard.Ensure(vat.Lds, TrainingTerm.Lds, step, options, regularized);
        FiniteGuard.Ensure(vat.ConditionalEntropy, TrainingTerm.ConditionalEntropy, step, options, regularized);

        Tensor total = crossEntropy + options.Alpha * vat.Lds;
        if (options.EntropyWeight > 0)
        {
            total = total + options.EntropyWeight * vat.ConditionalEntropy;
        }

        return new VatLossTerms(crossEntropy, total, vat);
    }

    private static Tensor RegularizedBatch(Tensor labeledX, Tensor unlabeledX, RegularizedSamples samples)
    {
        if (samples == RegularizedSamples.Unlabeled)
        {
            return unlabeledX;
        }

        if (!labeledX.shape.AsSpan(1).SequenceEqual(unlabeledX.shape.AsSpan(1)))
        {
            throw new ArgumentException(
                $"RegularizedSamples.LabeledAndUnlabeled concatenates the batches, but labeledX has shape " +
                $"({string.Join(", ", labeledX.shape)}) and unlabeledX ({string.Join(", ", unlabeledX.shape)}). " +
                "Pass samples of the same shape.",
                nameof(unlabeledX));
        }

        return cat(new[] { labeledX, unlabeledX }, 0);
    }

    private static Tensor CrossEntropy(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels, long? step)
    {
        Tensor logits = model.call(labeledX);
        TrainingInputGuard.EnsureLogitsShape(logits, labeledX.shape[0], "training");
        TrainingInputGuard.EnsureLabelRange(labels, logits.shape[1], nameof(labels));
        Tensor crossEntropy = F.cross_entropy(logits, labels);
        FiniteGuard.Ensure(crossEntropy, TrainingTerm.CrossEntropy, step, options: null, labeledX);
        return crossEntropy;
    }

    private static void ValidateLabeled(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        TrainingInputGuard.EnsureFloatingBatch(labeledX, nameof(labeledX));
        TrainingInputGuard.EnsureMatchesParameters(model, labeledX, nameof(labeledX));
        TrainingInputGuard.EnsureLabels(labels, labeledX.shape[0], nameof(labels));
    }

    private static void EnsureFiniteGradients(nn.Module model, long step)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            Tensor? gradient = parameter.grad;
            if (gradient is not null)
            {
                FiniteGuard.Ensure(gradient, TrainingTerm.ParameterGradients, step, options: null, name: name);
            }
        }
    }

    /// <summary>Returns the one-based number of the step about to run: completed steps plus one.</summary>
    /// <remarks>Rejected calls are not counted, so error messages number steps as the user counts them.</remarks>
    private static long PendingStep(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        StrongBox<long> count = s_stepCounts.GetValue(model, _ => new StrongBox<long>());
        return Interlocked.Read(ref count.Value) + 1;
    }

    private static void CompleteStep(nn.Module model)
    {
        StrongBox<long> count = s_stepCounts.GetValue(model, _ => new StrongBox<long>());
        Interlocked.Increment(ref count.Value);
    }
}
