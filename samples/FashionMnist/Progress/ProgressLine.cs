using System;

namespace VatDsl.Samples.FashionMnist.Progress;

/// <summary>The values shown at the end of a progress window.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="TotalSteps">Steps of the whole run.</param>
/// <param name="CrossEntropy">Mean cross-entropy over the window.</param>
/// <param name="Lds">Mean LDS over the window.</param>
/// <param name="Total">Mean total loss over the window.</param>
/// <param name="LearningRate">Learning rate of the last step.</param>
/// <param name="ValidationAccuracy">Latest validation accuracy, or null without a validation slice.</param>
/// <param name="Elapsed">Wall time since training started.</param>
/// <param name="Remaining">Estimated training time left, evaluations to come not included.</param>
internal sealed record ProgressLine(
    int Step,
    int TotalSteps,
    double CrossEntropy,
    double Lds,
    double Total,
    double LearningRate,
    double? ValidationAccuracy,
    TimeSpan Elapsed,
    TimeSpan Remaining);
