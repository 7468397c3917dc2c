namespace VatDsl.Samples.TwoMoons.Data;

/// <summary>A generated two-moons data set: labeled, unlabeled and test splits sharing one embedding.</summary>
/// <param name="Spec">Sizes, noise, embedding and seed the set was generated from.</param>
/// <param name="Embedding">Map from plane points to network inputs, shared by every split and the plot grid.</param>
/// <param name="Labeled">Labeled training points, half of each class.</param>
/// <param name="Unlabeled">Unlabeled training points.</param>
/// <param name="Test">Held-out points for the test accuracy.</param>
public sealed record MoonsDataset(MoonsSpec Spec, MoonsEmbedding Embedding, MoonsSet Labeled, MoonsSet Unlabeled, MoonsSet Test);
