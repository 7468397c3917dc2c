namespace VatDsl.Samples.FashionMnist.Curves;

/// <summary>One point of the learning curves, recorded at a progress line.</summary>
/// <param name="Step">Optimizer steps done, from 1.</param>
/// <param name="CrossEntropy">Mean cross-entropy of the labeled batches since the previous point.</param>
/// <param name="Lds">Mean LDS of the unlabeled batches since the previous point, 0 for the supervised method.</param>
/// <param name="Total">Mean total loss since the previous point.</param>
/// <param name="LearningRate">Learning rate of the last step.</param>
/// <param name="ValidationAccuracy">Accuracy on the validation slice after this step, or null when not measured.</param>
/// <param name="TestAccuracy">Accuracy on the test set after this step, or null when not measured.</param>
/// <param name="ElapsedSeconds">Wall time since training started, evaluations included.</param>
internal sealed record CurvePoint(
    int Step,
    double CrossEntropy,
    double Lds,
    double Total,
    double LearningRate,
    double? ValidationAccuracy,
    double? TestAccuracy,
    double ElapsedSeconds);
