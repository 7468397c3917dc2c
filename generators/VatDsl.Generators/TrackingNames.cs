namespace VatDsl.Generators;

/// <summary>Names of the pipeline steps, which tests use to check what the generator reran after an edit.</summary>
public static class TrackingNames
{
    /// <summary>Parsing of each class marked with [Network] into a model and diagnostics.</summary>
    public const string Parse = "VatDsl.Parse";

    /// <summary>The emittable model of each network, without diagnostics or locations.</summary>
    public const string Model = "VatDsl.Model";

    /// <summary>Source text of each network.</summary>
    public const string Emit = "VatDsl.Emit";

    /// <summary>Diagnostics of all networks, gathered for reporting.</summary>
    public const string Diagnostics = "VatDsl.Diagnostics";

    /// <summary>Classes with layer or [Vat] attributes but no [Network].</summary>
    public const string AttributesWithoutNetwork = "VatDsl.AttributesWithoutNetwork";
}
