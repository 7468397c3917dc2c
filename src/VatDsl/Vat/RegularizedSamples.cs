namespace VatDsl;

/// <summary>The samples on which a training step evaluates the LDS.</summary>
public enum RegularizedSamples
{
    /// <summary>
    /// The unlabeled batch only, as the official TensorFlow code (takerum/vat_tf) does. There the
    /// unlabeled pool contains the labeled images as well.
    /// </summary>
    Unlabeled,

    /// <summary>The labeled and the unlabeled batch, concatenated along the batch dimension in that order.</summary>
    LabeledAndUnlabeled,
}
