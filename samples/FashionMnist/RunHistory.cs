using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using VatDsl.Samples.FashionMnist.Curves;
using VatDsl.Samples.FashionMnist.Progress;

namespace VatDsl.Samples.FashionMnist;

/// <summary>
/// What a run has recorded up to a checkpoint: times, evaluations, curve points and the open loss
/// window. The checkpoint stores it, so that a resumed run reports the whole run, not only the
/// steps after the resume.
/// </summary>
internal sealed record RunHistory
{
    /// <summary>UTC start of the first run segment, in ISO 8601 round-trip format.</summary>
    public required string StartedUtc { get; init; }

    /// <summary>Wall time of the training loop up to the checkpoint, evaluations included, in seconds.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Part of <see cref="ElapsedSeconds"/> spent in evaluations.</summary>
    public required double EvaluationSeconds { get; init; }

    /// <summary>Test evaluations up to the checkpoint.</summary>
    public required IReadOnlyList<EvaluationPoint> Evaluations { get; init; }

    /// <summary>Curve points up to the checkpoint, one per progress line.</summary>
    public required IReadOnlyList<CurvePoint> Curves { get; init; }

    /// <summary>Loss sums of the progress window that was open at the checkpoint.</summary>
    public required LossWindowState Window { get; init; }

    /// <summary>Latest validation accuracy, or null before the first or without a validation slice.</summary>
    public double? ValidationAccuracy { get; init; }

    /// <summary>--bn-stats of the evaluations so far: running or reestimate.</summary>
    public required string BnStats { get; init; }

    /// <summary>Returns the JSON text stored in the checkpoint.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunHistoryJsonContext.Default.RunHistory);

    /// <summary>Reads the JSON text written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a run history.</exception>
    public static RunHistory FromJson(string json) =>
        JsonSerializer.Deserialize(json, RunHistoryJsonContext.Default.RunHistory)
        ?? throw new JsonException("The run history is null.");
}

// A loss window is NaN before its first close, which plain JSON numbers cannot hold.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunHistory))]
internal sealed partial class RunHistoryJsonContext : JsonSerializerContext;
