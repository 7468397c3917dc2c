using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VatDsl.Generators;

namespace VatDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Compiles test sources against .NET 10 reference assemblies, the managed TorchSharp assembly and
/// VatDsl, runs the generator with step tracking, and returns what a build would show.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> References = CreateReferences();

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation(sources.Select((source, index) => ($"/src/Source{index}.cs", source)).ToArray());

    public static CSharpCompilation CreateCompilation(params (string Path, string Source)[] sources) =>
        CSharpCompilation.Create(
            "VatDslGeneratorTests",
            sources.Select(file => CSharpSyntaxTree.ParseText(file.Source, ParseOptions, file.Path)),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                specificDiagnosticOptions: SdkNoWarn));

    /// <summary>
    /// Warnings the .NET SDK suppresses by default (NoWarn 1701;1702): TorchSharp targets net8.0,
    /// so its references to System.Runtime 8.0 unify with the 10.0 reference assemblies.
    /// </summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn = new Dictionary<string, ReportDiagnostic>
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    }.ToImmutableDictionary();

    /// <summary>A compilation that references neither VatDsl nor TorchSharp, for sources that define VatDsl types themselves.</summary>
    public static CSharpCompilation CreateCompilationWithoutVatDsl(string source) =>
        CSharpCompilation.Create(
            "VatDslGeneratorTests",
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, "/src/Source0.cs") },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    public static GeneratorRun Run(Compilation compilation) => Run(CreateDriver(), compilation);

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        return new GeneratorRun(driver, result, compilation, output, generatorDiagnostics);
    }

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
        references.Add(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location));
        references.Add(MetadataReference.CreateFromFile(typeof(NetworkAttribute).Assembly.Location));
        return references.ToImmutableArray();
    }
}

/// <summary>Outcome of one generator run.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Generated files ordered by hint name.</summary>
    public IReadOnlyList<GeneratedSourceResult> GeneratedSources =>
        Result.Results.SelectMany(result => result.GeneratedSources).OrderBy(source => source.HintName, System.StringComparer.Ordinal).ToList();

    /// <summary>Diagnostics the generator reported, after #pragma suppressions.</summary>
    public IReadOnlyList<Diagnostic> VatDiagnostics =>
        GeneratorDiagnostics.Where(diagnostic => !diagnostic.IsSuppressed).OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ToList();

    /// <summary>Errors and warnings of the compilation with the generated code added, excluding the generator's own.</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics =>
        Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning && !diagnostic.IsSuppressed).ToList();

    /// <summary>Compiler errors that the generated code added: errors of the output compilation that the input did not have.</summary>
    public IReadOnlyList<Diagnostic> NewCompilerErrors
    {
        get
        {
            var before = new HashSet<string>(Input.GetDiagnostics()
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(diagnostic => diagnostic.ToString()));
            return Output.GetDiagnostics()
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && !before.Contains(diagnostic.ToString()))
                .ToList();
        }
    }

    /// <summary>Exceptions the generator threw; Roslyn turns them into warning CS8785.</summary>
    public IReadOnlyList<System.Exception> Exceptions =>
        Result.Results.Select(result => result.Exception).Where(exception => exception is not null).Select(exception => exception!).ToList();
}
