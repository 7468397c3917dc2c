namespace VatDsl.Samples.TwoMoons.Training;

/// <summary>Outcome of training one network.</summary>
/// <param name="Method">Loss the network was trained with.</param>
/// <param name="TestAccuracy">Fraction of test points classified correctly after the last step.</param>
/// <param name="LastStep">Losses of the last step.</param>
/// <param name="Seconds">Wall-clock time of the training loop.</param>
/// <param name="Vat">VAT settings of the steps, which supervised-only training does not use.</param>
public sealed record TrainingResult(TrainingMethod Method, double TestAccuracy, VatStepResult LastStep, double Seconds, VatOptions Vat);
