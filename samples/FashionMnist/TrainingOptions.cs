namespace VatDsl.Samples.FashionMnist;

/// <summary>Training method: VAT-regularized steps, or the supervised baseline on the labeled subset alone.</summary>
internal enum TrainingMethod
{
    Vat,
    Supervised,
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
/// <param name="CheckpointDirectory">Folder of the checkpoint file, or null for no checkpoints.</param>
/// <param name="CheckpointEvery">Steps between checkpoints. The last step always writes one.</param>
/// <param name="Resume">Whether to continue from the checkpoint in <paramref name="CheckpointDirectory"/>.</param>
/// <param name="ExportPyTorchPath">File for the final weights as a PyTorch state_dict, or null.</param>
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
    string? CheckpointDirectory = null,
    int CheckpointEvery = 500,
    bool Resume = false,
    string? ExportPyTorchPath = null);
