using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using VatDsl.Generators;

namespace VatDsl.Generators.Benchmarks;

/// <summary>
/// Run time of the VatDsl generator on a project with 100 network declarations, one per file.
/// One benchmark runs a new driver. The other reruns a warm driver after an edit to a file
/// without networks, as an IDE does on most keystrokes. Each run gets a clone of the compilation,
/// so Roslyn's semantic caches start empty as after a real edit.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int NetworkCount = 100;

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, NetworkCount)
            .Select(index => CSharpSyntaxTree.ParseText(NetworkSource(index), parseOptions, $"/src/Network{index}.cs"))
            .ToList();
        SyntaxTree helper = CSharpSyntaxTree.ParseText("internal static class Helper { public static int Value => 1; }", parseOptions, "/src/Helper.cs");
        trees.Add(helper);

        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All)
        {
            MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NetworkAttribute).Assembly.Location),
        };
        _compilation = CSharpCompilation.Create("Benchmark", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.ReplaceSyntaxTree(helper, helper.WithChangedText(helper.GetText().Replace(0, 0, "// edited\n")));
        _warmDriver = CreateDriver(parseOptions).RunGenerators(_compilation.Clone());

        int generated = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated != NetworkCount)
        {
            throw new System.InvalidOperationException($"Expected {NetworkCount} generated files, got {generated}.");
        }
    }

    [Benchmark(Description = "100 networks, new driver")]
    public GeneratorDriver Cold() => CreateDriver((CSharpParseOptions)_compilation.SyntaxTrees[0].Options).RunGenerators(_compilation.Clone());

    [Benchmark(Description = "100 networks, unrelated edit")]
    public GeneratorDriver UnrelatedEdit() => _warmDriver.RunGenerators(_edited.Clone());

    private static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions) =>
        CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() }, parseOptions: parseOptions);

    /// <summary>Alternates a convolutional network and a perceptron, with the layer sizes varied per index.</summary>
    private static string NetworkSource(int index)
    {
        string i = index.ToString(CultureInfo.InvariantCulture);
        string width = (16 + index).ToString(CultureInfo.InvariantCulture);
        return index % 2 == 0
            ? $$"""
                using VatDsl;
                namespace Bench.N{{i}};
                [Network(1, 28, 28)]
                [Conv2d({{width}}, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
                [Conv2d(64, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
                [Flatten, Dropout(0.5), Linear(128), ReLU, Linear(10)]
                [Vat(Epsilon = 2.0)]
                public partial class Cnn{{i}};
                """
            : $$"""
                using VatDsl;
                namespace Bench.N{{i}};
                [Network(2, Classes = 2)]
                [Linear({{width}}, Name = "hidden"), ReLU, Linear(100), Tanh, Linear(2)]
                public partial class Mlp{{i}};
                """;
    }
}
