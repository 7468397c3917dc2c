namespace VatDsl.Samples.TwoMoons.Training;

/// <summary>What the training loss contains.</summary>
public enum TrainingMethod
{
    /// <summary>Cross-entropy on the labeled points alone; the unlabeled points are unused.</summary>
    SupervisedOnly,

    /// <summary>Cross-entropy on the labeled points plus alpha times the LDS on the unlabeled points.</summary>
    Vat,
}
