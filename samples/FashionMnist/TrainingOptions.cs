using System.Collections.Generic;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Training method: a regularized step on labeled and unlabeled batches, or the supervised baseline on the labeled subset alone.</summary>
internal enum TrainingMethod
{
    Vat,
    Supervised,

    /// <summary>VAT plus the conditional entropy of the unlabeled predictions with weight 1 (VAT+EntMin).</summary>
    VatEntMin,

    /// <summary>Random perturbation training: the LDS of an isotropic random perturbation of norm epsilon.</summary>
    RandomPerturbation,
}

/// <summary>Learning-rate schedule of Adam.</summary>
internal enum LearningRateSchedule
{
    /// <summary>Constant for the first two thirds of the steps, then a linear decay towards zero with beta1 0.5.</summary>
    Official,

    /// <summary>The same learning rate and beta1 0.9 for every step.</summary>
    Constant,
}

/// <summary>BatchNorm statistics used when the network is evaluated.</summary>
internal enum BatchNormEvaluation
{
    /// <summary>The running averages collected during training, as the official TensorFlow code evaluates.</summary>
    Running,

    /// <summary>Statistics recomputed from unlabeled training images before each evaluation.</summary>
    Reestimate,
}

/// <summary>Settings of one training run, parsed from the command line.</summary>
/// <param name="DataDirectory">Folder with the four Fashion-MNIST IDX files.</param>
/// <param name="Labels">Size of the class-balanced labeled subset.</param>
/// <param name="Method">VAT or the supervised baseline.</param>
/// <param name="Steps">Number of optimizer steps.</param>
/// <param name="Seed">Seed of the subset, the batch order, the weight initialization and dropout.</param>
/// <param name="LabeledBatch">Labeled samples per step.</param>
/// <param name="UnlabeledBatch">Unlabeled samples per step (VAT only).</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="EvalEvery">Steps between test evaluations during training. 0 evaluates only at the end.</param>
/// <param name="LogEvery">Steps between progress lines.</param>
/// <param name="MetricsPath">JSON file to write the results to, or null.</param>
/// <param name="Device">TorchSharp device name: cpu or cuda.</param>
/// <param name="Epsilon">Norm of the VAT perturbation in [0, 1] pixel units, or null for the network's [Vat] value.</param>
/// <param name="Xi">Finite-difference step of the power iteration, or null for the network's [Vat] value.</param>
/// <param name="Network">Name of the network to train: cnn or mlp.</param>
/// <param name="Schedule">Learning-rate schedule of Adam.</param>
/// <param name="Validation">Size of the class-balanced validation slice held out of training, 0 for none.</param>
/// <param name="BatchNormStatistics">BatchNorm statistics used for evaluation.</param>
/// <param name="CurvesPath">CSV file for the learning curves, or null.</param>
/// <param name="TensorBoardDirectory">Folder for TensorBoard event files, or null.</param>
/// <param name="PlotPath">PNG file for the learning-curve figure, or null.</param>
/// <param name="ComparePaths">Curves of earlier runs to draw in one figure instead of training, or null.</param>
/// <param name="CheckpointDirectory">Folder of the checkpoint file, or null for no checkpoints.</param>
/// <param name="CheckpointEvery">Steps between checkpoints. The last step always writes one.</param>
/// <param name="Resume">Whether to continue from the checkpoint in <paramref name="CheckpointDirectory"/>.</param>
/// <param name="ExportPyTorchPath">File for the final weights as a PyTorch state_dict, or null.</param>
/// <param name="StopAfter">Step after which the run writes its checkpoint and stops before <paramref name="Steps"/>, or null to train to the end.</param>
internal sealed record TrainingOptions(
    string DataDirectory,
    int Labels,
    TrainingMethod Method,
    int Steps,
    int Seed,
    int LabeledBatch,
    int UnlabeledBatch,
    double LearningRate,
    int EvalEvery,
    int LogEvery,
    string? MetricsPath,
    string Device,
    double? Epsilon,
    double? Xi = null,
    string Network = "cnn",
    LearningRateSchedule Schedule = LearningRateSchedule.Official,
    int Validation = 1000,
    BatchNormEvaluation BatchNormStatistics = BatchNormEvaluation.Running,
    string? CurvesPath = null,
    string? TensorBoardDirectory = null,
    string? PlotPath = null,
    IReadOnlyList<string>? ComparePaths = null,
    string? CheckpointDirectory = null,
    int CheckpointEvery = 500,
    bool Resume = false,
    string? ExportPyTorchPath = null,
    int? StopAfter = null)
{
    /// <summary>Whether the method adds an LDS term on unlabeled batches.</summary>
    public bool UsesUnlabeledData => Method != TrainingMethod.Supervised;
}
