using System;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Command-line and metrics names of the training methods, and the VAT settings each one implies.</summary>
internal static class TrainingMethodNames
{
    /// <summary>Every method name, in the order the help text lists them.</summary>
    public static readonly string[] All = ["vat", "supervised", "vat+entmin", "rpt"];

    /// <summary>Returns the name of <paramref name="method"/> used by --method and the metrics files.</summary>
    public static string Name(TrainingMethod method) => method switch
    {
        TrainingMethod.Vat => "vat",
        TrainingMethod.Supervised => "supervised",
        TrainingMethod.VatEntMin => "vat+entmin",
        TrainingMethod.RandomPerturbation => "rpt",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown training method."),
    };

    /// <summary>Returns the method called <paramref name="name"/>, one of <see cref="All"/>.</summary>
    public static TrainingMethod Parse(string name)
    {
        foreach (TrainingMethod method in Enum.GetValues<TrainingMethod>())
        {
            if (Name(method) == name)
            {
                return method;
            }
        }

        throw new ArgumentException($"Unknown method '{name}'. Use one of {string.Join(", ", All)}.", nameof(name));
    }

    /// <summary>
    /// Returns <paramref name="declared"/> changed for <paramref name="method"/>: vat+entmin adds
    /// the entropy term with weight 1 (the VAT+EntMin of Miyato et al., TPAMI 2018), and rpt
    /// replaces the adversarial direction with a random one.
    /// </summary>
    public static VatOptions Apply(TrainingMethod method, VatOptions declared) => method switch
    {
        TrainingMethod.VatEntMin => declared with { EntropyWeight = 1.0 },
        TrainingMethod.RandomPerturbation => declared with { Method = PerturbationMethod.RandomPerturbation },
        _ => declared,
    };
}
