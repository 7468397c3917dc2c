namespace VatDsl.Samples.TwoMoons.Training;

/// <summary>What the training loss contains.</summary>
public enum TrainingMethod
{
    /// <summary>Cross-entropy on the labeled points alone, leaving the unlabeled points unused.</summary>
    SupervisedOnly,

    /// <summary>Cross-entropy on the labeled points plus alpha times the LDS on the unlabeled points.</summary>
    Vat,
}
