namespace VatDsl.Generators.Model;

/// <summary>
/// Everything the emitter needs for one network class. It contains no symbols, syntax or locations,
/// so two parses of an unchanged declaration compare equal.
/// </summary>
/// <param name="HintName">Unique name of the generated file.</param>
/// <param name="Namespace">Containing namespace, escaped where needed; null for the global namespace.</param>
/// <param name="ContainingTypes">Types that contain the class, outermost first.</param>
/// <param name="TypeName">Class name, escaped with <c>@</c> where it is a keyword.</param>
/// <param name="InputShape">Input shape per sample, without the batch dimension.</param>
/// <param name="ClassCount">Number of classes (the length of the logits vector).</param>
/// <param name="Layers">Layers in declaration order.</param>
/// <param name="Vat">Values set in <c>[Vat]</c>.</param>
/// <param name="HasErrors">
/// True when the declaration has errors: the emitter then writes only member signatures whose
/// bodies throw, so that the user sees the VAT diagnostics and not follow-on "member not found" errors.
/// </param>
internal sealed record NetworkSpec(
    string HintName,
    string? Namespace,
    EquatableArray<TypeDeclarationInfo> ContainingTypes,
    string TypeName,
    EquatableArray<long> InputShape,
    int ClassCount,
    EquatableArray<LayerSpec> Layers,
    VatSpec Vat,
    bool HasErrors);
