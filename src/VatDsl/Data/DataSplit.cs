using System.Collections.Generic;

namespace VatDsl.Data;

/// <summary>
/// Sample indices of a semi-supervised split of one training set, each list in ascending order.
/// </summary>
/// <param name="Labeled">Samples whose labels training uses, class-balanced.</param>
/// <param name="Validation">Held-out samples for model selection, class-balanced and disjoint from <paramref name="Labeled"/>. Empty when none were requested.</param>
/// <param name="Unlabeled">
/// Samples used without labels: every training sample outside <paramref name="Validation"/>,
/// the labeled ones included, as in the official VAT code.
/// </param>
public sealed record DataSplit(IReadOnlyList<int> Labeled, IReadOnlyList<int> Validation, IReadOnlyList<int> Unlabeled);
