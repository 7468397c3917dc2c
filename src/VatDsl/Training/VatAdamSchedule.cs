using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// The optimizer schedule of the official VAT code (takerum/vat_tf, train_semisup.py): Adam with
/// learning rate 0.001 and beta1 0.9, then, from <see cref="DecayStartEpoch"/> on, a learning
/// rate that falls linearly towards zero and beta1 0.5.
/// </summary>
/// <remarks>
/// In epoch e (zero-based) at or after the decay start, the learning rate is
/// lr * (TotalEpochs - e) / (TotalEpochs - DecayStartEpoch), as in the official code, so the last
/// epoch runs at lr / (TotalEpochs - DecayStartEpoch). The official runs use 120 epochs of 400
/// steps with the decay starting at epoch 80. Call <see cref="Apply"/> at the start of every epoch.
/// </remarks>
public sealed class VatAdamSchedule
{
    /// <summary>Creates the schedule; the defaults are the official values.</summary>
    /// <param name="totalEpochs">Number of epochs of the whole run, at least 1.</param>
    /// <param name="decayStartEpoch">First zero-based epoch of the decay, in [0, totalEpochs).</param>
    /// <param name="learningRate">Learning rate before the decay, positive.</param>
    /// <param name="beta1">Adam's beta1 before the decay, in [0, 1).</param>
    /// <param name="decayBeta1">Adam's beta1 during the decay, in [0, 1).</param>
    public VatAdamSchedule(int totalEpochs, int decayStartEpoch, double learningRate = 0.001, double beta1 = 0.9,
        double decayBeta1 = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalEpochs, 1);
        if (decayStartEpoch < 0 || decayStartEpoch >= totalEpochs)
        {
            throw new ArgumentOutOfRangeException(nameof(decayStartEpoch), decayStartEpoch,
                $"decayStartEpoch is {decayStartEpoch}; it must lie in [0, {totalEpochs - 1}] for {totalEpochs} epochs.");
        }

        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be a positive finite number.");
        }

        RequireBeta(beta1, nameof(beta1));
        RequireBeta(decayBeta1, nameof(decayBeta1));
        TotalEpochs = totalEpochs;
        DecayStartEpoch = decayStartEpoch;
        InitialLearningRate = learningRate;
        Beta1 = beta1;
        DecayBeta1 = decayBeta1;
    }

    /// <summary>
    /// Creates the official schedule with one "epoch" per optimizer step: the learning rate stays
    /// at <paramref name="learningRate"/> for the first two thirds of <paramref name="totalSteps"/>
    /// (the official 80 of 120 epochs), then falls linearly towards zero with beta1 0.5.
    /// </summary>
    /// <remarks>
    /// Decaying every step, not every block of steps, follows the same line as the official
    /// 120 epochs of 400 steps, without steps at a flat rate between the drops. Call
    /// <see cref="Apply"/> with the zero-based step before every step.
    /// </remarks>
    /// <param name="totalSteps">Number of optimizer steps of the whole run, at least 1.</param>
    /// <param name="learningRate">Learning rate before the decay, positive.</param>
    public static VatAdamSchedule PerStep(int totalSteps, double learningRate = 0.001)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        int decayStart = (int)((long)totalSteps * OfficialDecayStartEpoch / OfficialEpochs);
        return new VatAdamSchedule(totalSteps, decayStart, learningRate);
    }

    /// <summary>Number of epochs of the official runs.</summary>
    public const int OfficialEpochs = 120;

    /// <summary>First zero-based epoch of the decay in the official runs.</summary>
    public const int OfficialDecayStartEpoch = 80;

    /// <summary>Number of epochs of the run.</summary>
    public int TotalEpochs { get; }

    /// <summary>First zero-based epoch with a decaying learning rate.</summary>
    public int DecayStartEpoch { get; }

    /// <summary>Learning rate before the decay.</summary>
    public double InitialLearningRate { get; }

    /// <summary>Adam's beta1 before the decay.</summary>
    public double Beta1 { get; }

    /// <summary>Adam's beta1 during the decay.</summary>
    public double DecayBeta1 { get; }

    /// <summary>Creates Adam with the schedule's initial learning rate and beta1, and beta2 = 0.999 as in the official code.</summary>
    public Adam CreateOptimizer(IEnumerable<Parameter> parameters) =>
        optim.Adam(parameters, InitialLearningRate, Beta1, beta2: 0.999);

    /// <summary>Returns the learning rate of the zero-based <paramref name="epoch"/>.</summary>
    public double LearningRateAt(int epoch)
    {
        RequireEpoch(epoch);
        return epoch < DecayStartEpoch
            ? InitialLearningRate
            : InitialLearningRate * (TotalEpochs - epoch) / (TotalEpochs - DecayStartEpoch);
    }

    /// <summary>Returns Adam's beta1 in the zero-based <paramref name="epoch"/>.</summary>
    public double Beta1At(int epoch)
    {
        RequireEpoch(epoch);
        return epoch < DecayStartEpoch ? Beta1 : DecayBeta1;
    }

    /// <summary>
    /// Sets the learning rate of every parameter group of <paramref name="optimizer"/>, and beta1
    /// of every group whose optimizer has betas (Adam, AdamW, Adamax), for the zero-based
    /// <paramref name="epoch"/>. beta2 keeps its value.
    /// </summary>
    public void Apply(optim.Optimizer optimizer, int epoch)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        double learningRate = LearningRateAt(epoch);
        double beta1 = Beta1At(epoch);
        foreach (ParamGroup group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
            if (group is optim.IBetas betas)
            {
                betas.Betas = (beta1, betas.Betas.Item2);
            }
        }
    }

    private void RequireEpoch(int epoch)
    {
        if (epoch < 0 || epoch >= TotalEpochs)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch,
                $"epoch is {epoch}; the schedule covers epochs 0 to {TotalEpochs - 1}.");
        }
    }

    private static void RequireBeta(double value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in [0, 1).");
        }
    }
}
