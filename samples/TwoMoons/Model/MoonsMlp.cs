namespace VatDsl.Samples.TwoMoons.Model;

/// <summary>Two-layer ReLU network for the moons in the plane: 2 inputs, 2 classes.</summary>
[Network(2)]
[Linear(100), ReLU, Linear(100), ReLU, Linear(2)]
[Vat(Epsilon = MoonsVatSettings.Epsilon, Xi = MoonsVatSettings.Xi)]
public partial class MoonsMlp;
