using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Results of one training run, written as JSON by --metrics.</summary>
internal sealed record RunMetrics
{
    public required string Method { get; init; }

    public required int Labels { get; init; }

    public required int Steps { get; init; }

    public required int Seed { get; init; }

    public required double TestAccuracy { get; init; }

    /// <summary>Wall time of the training loop, evaluations included, in seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>VAT epsilon in [0, 1] pixel units, or null for the supervised method.</summary>
    public double? Epsilon { get; init; }

    public double? Xi { get; init; }

    public double? Alpha { get; init; }

    public int? PowerIterations { get; init; }

    public required int LabeledBatch { get; init; }

    /// <summary>Unlabeled batch size, or null for the supervised method, which draws none.</summary>
    public int? UnlabeledBatch { get; init; }

    public required double LearningRate { get; init; }

    /// <summary>Mean cross-entropy over the last progress window.</summary>
    public required double FinalCrossEntropy { get; init; }

    /// <summary>Mean LDS over the last progress window, 0 for the supervised method.</summary>
    public required double FinalLds { get; init; }

    public required double FinalTotal { get; init; }

    public required IReadOnlyList<EvaluationPoint> Evaluations { get; init; }

    public required string Device { get; init; }

    public required string DataDirectory { get; init; }

    public required string StartedUtc { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>Network name: cnn or mlp.</summary>
    public string? Network { get; init; }

    /// <summary>Learning-rate schedule: official or constant.</summary>
    public string? LrSchedule { get; init; }

    /// <summary>Size of the held-out validation slice, 0 for none.</summary>
    public int ValidationImages { get; init; }

    /// <summary>BatchNorm statistics of the evaluations: running or reestimate.</summary>
    public string? BnStats { get; init; }

    /// <summary>Weight of the entropy term, or null for the supervised method.</summary>
    public double? EntropyWeight { get; init; }

    /// <summary>Validation accuracy after the last step, or null without a validation slice.</summary>
    public double? ValidationAccuracy { get; init; }

    /// <summary>Highest validation accuracy of the run, or null without a validation slice.</summary>
    public double? BestValidationAccuracy { get; init; }

    /// <summary>Step of <see cref="BestValidationAccuracy"/>, the first one on a tie.</summary>
    public int? BestValidationStep { get; init; }

    /// <summary>Full path of the --curves CSV file, or null.</summary>
    public string? CurvesFile { get; init; }

    /// <summary>Full path of the --tensorboard folder, or null.</summary>
    public string? TensorboardDirectory { get; init; }

    /// <summary>Full path of the --plot PNG file, or null.</summary>
    public string? PlotFile { get; init; }
}

/// <summary>Test accuracy, and the validation accuracy when there is a validation slice, measured after a number of steps.</summary>
internal sealed record EvaluationPoint(int Step, double TestAccuracy, double Seconds, double? ValidationAccuracy = null);

/// <summary>The machine and software behind a measured number.</summary>
internal sealed record MachineInfo(
    int ProcessorCount,
    string CpuModel,
    int TorchThreads,
    string Os,
    string Dotnet,
    [property: JsonPropertyName("torchsharp")] string TorchSharp);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RunMetrics))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;
