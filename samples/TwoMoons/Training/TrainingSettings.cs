using System;

namespace VatDsl.Samples.TwoMoons.Training;

/// <summary>Optimizer and schedule shared by both training methods, so only the loss differs.</summary>
/// <param name="Steps">Number of optimizer steps.</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="UnlabeledBatch">Unlabeled points per VAT step, drawn without replacement. A value of at least the set size means the whole set.</param>
/// <param name="Seed">Seed of the initial weights, the VAT directions and the batch draws.</param>
/// <param name="Epsilon">Norm of r_adv for VAT steps, or null for the network's [Vat] declaration.</param>
/// <param name="Xi">Finite-difference step of the power iteration, or null for the network's [Vat] declaration.</param>
public sealed record TrainingSettings(int Steps, double LearningRate, int UnlabeledBatch, int Seed, double? Epsilon = null, double? Xi = null)
{
    /// <summary>Number of steps between two progress lines: about ten lines per run.</summary>
    public int LogInterval => Math.Max(1, Steps / 10);
}
