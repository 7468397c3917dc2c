using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// The virtual adversarial loss (LDS) of Miyato et al., TPAMI 2018 (arXiv:1704.03976), computed
/// as in the official TensorFlow code (takerum/vat_tf). With
/// <see cref="PerturbationMethod.RandomPerturbation"/> it computes the same KL at a random
/// perturbation of norm epsilon instead.
/// </summary>
/// <remarks>
/// Steps: p = softmax(f(x)) held constant; d ~ N(0, I) normalized per sample; Ip power
/// iterations r = xi * d, d = normalize(dD/dr) with D(r) = mean_b KL(p_b || softmax(f(x + r))_b);
/// r_adv = epsilon * d; LDS = D(r_adv). The probe gradients come from
/// <c>torch.autograd.grad</c>, so they never accumulate into the parameters' gradients. Every
/// pass runs in the model's current mode. In training mode BatchNorm layers normalize with the
/// statistics of their own batch, and all buffers are restored bit for bit before returning.
/// Call it inside <c>torch.NewDisposeScope()</c>: the tensors it creates belong to the current
/// scope.
/// </remarks>
public static class VatLoss
{
    /// <summary>Computes the LDS of <paramref name="x"/>, drawing the initial direction from <paramref name="generator"/>.</summary>
    /// <param name="model">Classifier that returns logits of shape (batch, classes).</param>
    /// <param name="x">Input batch, float32 or float64, batch dimension first.</param>
    /// <param name="options">VAT settings; validated first.</param>
    /// <param name="generator">Source of the Gaussian draw; null uses the global generator.</param>
    public static VatLossResult Compute(nn.Module<Tensor, Tensor> model, Tensor x, VatOptions options, Generator? generator = null)
        => Compute(model, x, options, generator, step: null);

    /// <summary>
    /// Computes the LDS of <paramref name="x"/> from a given raw initial direction, which is
    /// normalized per sample before the first power iteration.
    /// </summary>
    /// <param name="model">Classifier that returns logits of shape (batch, classes).</param>
    /// <param name="x">Input batch, float32 or float64, batch dimension first.</param>
    /// <param name="initialDirection">Raw direction d0 with the shape, dtype and device of <paramref name="x"/>.</param>
    /// <param name="options">VAT settings; validated first.</param>
    public static VatLossResult Compute(nn.Module<Tensor, Tensor> model, Tensor x, Tensor initialDirection, VatOptions options)
    {
        Validate(model, x, options);
        ArgumentNullException.ThrowIfNull(initialDirection);
        if (!ShapesEqual(initialDirection.shape, x.shape) || initialDirection.dtype != x.dtype || !TrainingInputGuard.SameDevice(initialDirection, x))
        {
            throw new ArgumentException(
                $"initialDirection has shape ({string.Join(", ", initialDirection.shape)}), dtype {initialDirection.dtype} " +
                $"and device {initialDirection.device}, but x has ({string.Join(", ", x.shape)}), {x.dtype} and {x.device}. " +
                "Pass a direction that matches x.",
                nameof(initialDirection));
        }

        return ComputeCore(model, x, initialDirection, options, step: null);
    }

    internal static VatLossResult Compute(nn.Module<Tensor, Tensor> model, Tensor x, VatOptions options, Generator? generator, long? step)
    {
        Validate(model, x, options);
        Tensor initialDirection = PerturbationDirection.DrawGaussian(x, generator);
        return ComputeCore(model, x, initialDirection, options, step);
    }

    private static VatLossResult ComputeCore(nn.Module<Tensor, Tensor> model, Tensor x, Tensor initialDirection,
        VatOptions options, long? step)
    {
        using var gradientMode = enable_grad();
        using var buffers = BufferSnapshot.Capture(model);

        // Captured after the Gaussian draw, so the draw is not replayed into the dropout masks.
        RandomnessReplay? replay = options.ShareRandomnessAcrossPasses ? RandomnessReplay.Capture(x.device) : null;

        bool entropyNeedsGradient = options.EntropyWeight > 0;
        Tensor cleanLogits = ForwardClean(model, x, entropyNeedsGradient);
        TrainingInputGuard.EnsureLogitsShape(cleanLogits, x.shape[0], "VAT");
        FiniteGuard.Ensure(cleanLogits, TrainingTerm.UnlabeledLogits, step, options, x);
        Tensor logP = cleanLogits.detach().log_softmax(1);

        Tensor d = PerturbationDirection.Normalize(initialDirection, options.Normalization);
        var directions = new List<Tensor> { d };
        int iterations = options.Method == PerturbationMethod.VirtualAdversarial ? options.PowerIterations : 0;
        var gradients = new List<Tensor>(iterations);
        var divergences = new List<Tensor>(iterations);
        var diagnostics = new ProbeDiagnostics(0, 0, (int)x.shape[0]);
        for (int i = 0; i < iterations; i++)
        {
            replay?.Replay();
            HessianProducts.Product product = options.HessianVectorProduct == HessianVectorProduct.DoubleBackprop
                ? HessianProducts.DoubleBackprop(model, x, logP, d)
                : HessianProducts.FiniteDifference(model, x, logP, d, options.Xi);
            gradients.Add(product.Value);
            divergences.Add(product.Divergence);
            diagnostics = Worse(diagnostics, product);
            d = PerturbationDirection.Normalize(product.Value, options.Normalization);
            FiniteGuard.Ensure(d, TrainingTerm.Direction, step, options, x);
            directions.Add(d);
        }

        Tensor adversarialPerturbation = (d * options.Epsilon).detach();
        replay?.Replay();
        Tensor adversarialLogits = model.call(x + adversarialPerturbation);
        Tensor ldsPerSample = KlDivergence.PerSample(logP, adversarialLogits);
        Tensor entropy = Entropy(cleanLogits);

        return new VatLossResult(ldsPerSample.mean(), ldsPerSample, adversarialPerturbation, cleanLogits, logP,
            entropy, directions, gradients, divergences, diagnostics);
    }

    private static ProbeDiagnostics Worse(ProbeDiagnostics current, HessianProducts.Product product)
    {
        using var noGrad = no_grad();
        Tensor zeroGradient = PerturbationDirection.SampleNorms(product.Value) == 0;
        int zeroGradientSamples = (int)zeroGradient.sum().item<long>();
        int withLostProbe = product.LostProbeSamples is null
            ? 0
            : (int)zeroGradient.logical_and(product.LostProbeSamples).sum().item<long>();
        double unchangedFraction = product.ProbedElements == 0 ? 0 : (double)product.UnchangedElements / product.ProbedElements;
        return current with
        {
            UnchangedInputFraction = Math.Max(current.UnchangedInputFraction, unchangedFraction),
            ZeroGradientSamples = Math.Max(current.ZeroGradientSamples, zeroGradientSamples),
            ZeroGradientSamplesWithLostProbe = Math.Max(current.ZeroGradientSamplesWithLostProbe, withLostProbe),
        };
    }

    private static Tensor ForwardClean(nn.Module<Tensor, Tensor> model, Tensor x, bool keepGraph)
    {
        if (keepGraph)
        {
            return model.call(x);
        }

        using var noGrad = no_grad();
        return model.call(x);
    }

    private static Tensor Entropy(Tensor logits)
    {
        Tensor logQ = logits.log_softmax(1);
        return -(logQ.exp() * logQ).sum(1).mean();
    }

    private static void Validate(nn.Module<Tensor, Tensor> model, Tensor x, VatOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TrainingInputGuard.EnsureFloatingBatch(x, nameof(x));
        TrainingInputGuard.EnsureMatchesParameters(model, x, nameof(x));
        TrainingInputGuard.EnsureBatchNormBatch(model, x, nameof(x));
    }

    private static bool ShapesEqual(long[] a, long[] b) => a.AsSpan().SequenceEqual(b);
}
