using System.Collections.Generic;
using System.Text.Json.Serialization;
using VatDsl.Data;

namespace VatDsl.Checkpoints;

/// <summary>Header of a training checkpoint: what it was written for and where training stood.</summary>
public sealed record CheckpointInfo
{
    /// <summary>Full type name of the network whose state_dict the checkpoint contains.</summary>
    public required string Network { get; init; }

    /// <summary>Type name of the optimizer whose state the checkpoint contains, for example Adam.</summary>
    public required string Optimizer { get; init; }

    /// <summary>Number of parameter groups of the optimizer.</summary>
    public required int OptimizerParameterGroups { get; init; }

    /// <summary>Number of parameters with optimizer state, over all groups.</summary>
    public required int OptimizerParameters { get; init; }

    /// <summary>Number of optimizer steps completed when the checkpoint was written.</summary>
    public required long Step { get; init; }

    /// <summary>
    /// Training settings that a resumed run must repeat, as name and value, for example
    /// <c>--seed</c> and <c>1</c>. <c>TrainingCheckpoint.Load</c> compares them with the
    /// settings of the loading run.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    /// <summary>Position in the batch order, or null when the run did not store one.</summary>
    public BatchPosition? Batches { get; init; }

    /// <summary>
    /// Text the caller stored with the checkpoint, returned unchanged, or null. A training program
    /// can keep its loss and accuracy history here, so that a resumed run reports the whole run.
    /// </summary>
    public string? ExtraState { get; init; }

    /// <summary>UTC time of writing, in ISO 8601 round-trip format.</summary>
    public required string CreatedUtc { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CheckpointInfo))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
