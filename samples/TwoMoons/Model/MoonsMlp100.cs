namespace VatDsl.Samples.TwoMoons.Model;

/// <summary>
/// The same network as <see cref="MoonsMlp"/> for the moons embedded in 100 dimensions. A
/// declaration fixes its input shape at compile time, so each input size needs its own.
/// </summary>
[Network(100)]
[Linear(100), ReLU, Linear(100), ReLU, Linear(2)]
[Vat(Epsilon = MoonsVatSettings.Epsilon, Xi = MoonsVatSettings.Xi)]
public partial class MoonsMlp100;
