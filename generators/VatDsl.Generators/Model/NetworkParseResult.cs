namespace VatDsl.Generators.Model;

/// <summary>
/// Outcome of parsing one network declaration: the model to emit (null when nothing can be emitted,
/// such as for a class that is not partial) and the diagnostics to report.
/// </summary>
internal sealed record NetworkParseResult(NetworkSpec? Network, EquatableArray<DiagnosticInfo> Diagnostics);
