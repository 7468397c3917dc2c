namespace VatDsl.Samples.TwoMoons;

/// <summary>Everything one run of the sample needs, as parsed from the command line.</summary>
/// <param name="OutputPath">PNG file the figure is written to.</param>
/// <param name="MetricsPath">JSON file the accuracies are written to, or null for none.</param>
/// <param name="Seed">Seed of the data, the initial weights, the VAT directions and the batch draws.</param>
/// <param name="Steps">Optimizer steps of each training run.</param>
/// <param name="Labeled">Labeled training points, half of each class.</param>
/// <param name="Unlabeled">Unlabeled training points.</param>
/// <param name="Test">Test points.</param>
/// <param name="Noise">Standard deviation of the Gaussian noise on each plane coordinate.</param>
/// <param name="Dimensions">Input dimension count. Above 2 the plane is embedded by a random orthonormal projection.</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="UnlabeledBatch">Unlabeled points per VAT step.</param>
/// <param name="Epsilon">Norm of r_adv in plane units, or null for the networks' [Vat] declaration.</param>
/// <param name="Xi">Finite-difference step of the power iteration, or null for the networks' [Vat] declaration.</param>
/// <param name="Threads">CPU threads LibTorch may use.</param>
public sealed record ExperimentOptions(
    string OutputPath,
    string? MetricsPath,
    int Seed,
    int Steps,
    int Labeled,
    int Unlabeled,
    int Test,
    double Noise,
    int Dimensions,
    double LearningRate,
    int UnlabeledBatch,
    double? Epsilon = null,
    double? Xi = null,
    int Threads = 1);
