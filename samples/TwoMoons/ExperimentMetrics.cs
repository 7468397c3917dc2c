namespace VatDsl.Samples.TwoMoons;

/// <summary>Contents of the --metrics JSON file.</summary>
/// <param name="Seed">Seed of the run.</param>
/// <param name="Steps">Optimizer steps of each training run.</param>
/// <param name="Labeled">Labeled training points.</param>
/// <param name="Unlabeled">Unlabeled training points.</param>
/// <param name="Test">Test points.</param>
/// <param name="Noise">Noise standard deviation in plane units.</param>
/// <param name="Dimensions">Input dimension count.</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="UnlabeledBatch">Unlabeled points per VAT step.</param>
/// <param name="Threads">CPU threads LibTorch used.</param>
/// <param name="Vat">VAT settings the VAT run used.</param>
/// <param name="SupervisedOnlyAccuracy">Test accuracy of the supervised-only network, a fraction in [0, 1].</param>
/// <param name="VatAccuracy">Test accuracy of the VAT network, a fraction in [0, 1].</param>
/// <param name="SupervisedOnlySeconds">Training time of the supervised-only network.</param>
/// <param name="VatSeconds">Training time of the VAT network.</param>
/// <param name="Seconds">Wall-clock time of the whole run: data, both trainings, figure.</param>
public sealed record ExperimentMetrics(
    int Seed,
    int Steps,
    int Labeled,
    int Unlabeled,
    int Test,
    double Noise,
    int Dimensions,
    double LearningRate,
    int UnlabeledBatch,
    int Threads,
    VatOptions Vat,
    double SupervisedOnlyAccuracy,
    double VatAccuracy,
    double SupervisedOnlySeconds,
    double VatSeconds,
    double Seconds);
