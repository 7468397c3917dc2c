namespace VatDsl.Generators.Model;

/// <summary>
/// Values set explicitly in a network's <c>[Vat]</c> attribute. Unset values are null so that the
/// generated options keep the defaults of <c>VatOptions</c>.
/// </summary>
internal sealed record VatSpec(double? Epsilon, double? Xi, int? PowerIterations, double? Alpha, double? EntropyWeight)
{
    public static VatSpec None { get; } = new(null, null, null, null, null);
}
