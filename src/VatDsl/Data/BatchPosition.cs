namespace VatDsl.Data;

/// <summary>
/// Position of a <see cref="SemiSupervisedBatches"/> in its batch order: how many batches each
/// sampler drew, and a fingerprint of each sampler's state to check a restore against.
/// </summary>
/// <param name="LabeledBatches">Batches drawn from the labeled subset.</param>
/// <param name="UnlabeledBatches">Batches drawn from the unlabeled set.</param>
/// <param name="LabeledFingerprint"><see cref="MinibatchSampler.Fingerprint"/> of the labeled sampler.</param>
/// <param name="UnlabeledFingerprint"><see cref="MinibatchSampler.Fingerprint"/> of the unlabeled sampler.</param>
public sealed record BatchPosition(long LabeledBatches, long UnlabeledBatches, ulong LabeledFingerprint, ulong UnlabeledFingerprint);
