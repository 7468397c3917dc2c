using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VatDsl.Generators.Tests.Fuzzing;

/// <summary>What a generated declaration is expected to produce.</summary>
internal enum FuzzExpectation
{
    /// <summary>Valid: no VAT error, a full generated class, and no compiler errors.</summary>
    Valid,

    /// <summary>Invalid for VatDsl: at least one VAT error, including <see cref="FuzzDeclaration.ExpectedId"/>.</summary>
    VatError,

    /// <summary>Broken C#: at least one compiler or VAT error, and no generator exception.</summary>
    CompilerError,
}

/// <summary>A network declaration built from the attribute grammar, with what it is expected to produce.</summary>
internal sealed class FuzzDeclaration
{
    public FuzzDeclaration(int index)
    {
        Index = index;
        Namespace = "Fuzz.N" + index.ToString(CultureInfo.InvariantCulture);
    }

    public int Index { get; }

    public string Namespace { get; }

    public string ClassName { get; set; } = "Net";

    public string Modifiers { get; set; } = "internal partial";

    public string Keyword { get; set; } = "class";

    public string TypeParameters { get; set; } = string.Empty;

    public List<string> InputShape { get; } = new();

    public string? Classes { get; set; }

    public List<FuzzLayer> Layers { get; } = new();

    public List<string> VatOptions { get; } = new();

    /// <summary>Index in <see cref="Layers"/> where a second partial declaration takes over the remaining layers; -1 for none.</summary>
    public int SplitAt { get; set; } = -1;

    public string Body { get; set; } = string.Empty;

    public FuzzExpectation Expectation { get; set; } = FuzzExpectation.Valid;

    /// <summary>VAT ID the mutation must produce, for <see cref="FuzzExpectation.VatError"/>.</summary>
    public string? ExpectedId { get; set; }

    /// <summary>Description of the mutation, for failure messages.</summary>
    public string Mutation { get; set; } = "none";

    public string FilePath => $"/fuzz/Declaration{Index.ToString(CultureInfo.InvariantCulture)}.cs";

    public string HintName => $"{Namespace}.{ClassName}.g.cs";

    /// <summary>Text edits applied after rendering, for syntax errors.</summary>
    public List<(string Find, string Replace)> TextEdits { get; } = new();

    public string Render()
    {
        var text = new StringBuilder();
        text.Append("using VatDsl;\n\nnamespace ").Append(Namespace).Append(";\n\n");
        string network = InputShape.Count == 0 && Classes is null
            ? "Network"
            : $"Network({string.Join(", ", InputShape.Concat(Classes is null ? Enumerable.Empty<string>() : new[] { "Classes = " + Classes }))})";
        text.Append('[').Append(network).Append("]\n");

        List<FuzzLayer> first = SplitAt < 0 ? Layers : Layers.Take(SplitAt).ToList();
        AppendLayers(text, first);
        if (VatOptions.Count > 0)
        {
            text.Append("[Vat(").Append(string.Join(", ", VatOptions)).Append(")]\n");
        }

        string header = $"{Modifiers} {Keyword} {ClassName}{TypeParameters}";
        text.Append(header).Append(Body.Length == 0 ? ";\n" : "\n{\n" + Body + "\n}\n");
        if (SplitAt >= 0)
        {
            AppendLayers(text, Layers.Skip(SplitAt).ToList());
            text.Append(header).Append(";\n");
        }

        string rendered = text.ToString();
        foreach (var (find, replace) in TextEdits)
        {
            int position = rendered.IndexOf(find, System.StringComparison.Ordinal);
            if (position >= 0)
            {
                rendered = rendered.Substring(0, position) + replace + rendered.Substring(position + find.Length);
            }
        }

        return rendered;
    }

    private static void AppendLayers(StringBuilder text, List<FuzzLayer> layers)
    {
        // Up to four layers per attribute list, as users group them.
        for (int i = 0; i < layers.Count; i += 4)
        {
            text.Append('[').Append(string.Join(", ", layers.Skip(i).Take(4))).Append("]\n");
        }
    }
}
