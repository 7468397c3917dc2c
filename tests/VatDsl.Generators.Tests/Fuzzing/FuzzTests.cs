using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VatDsl.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace VatDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Runs the generator on random declarations from the attribute grammar, valid and invalid, in
/// batches of 500 files per compilation. No declaration may make the generator throw. A valid one
/// must get a full class and no VAT error, a mutated one the VAT error its mutation causes, and
/// one with broken C# a compiler or VAT error. Every fourth batch is also compiled
/// in full with the generated code, which checks that valid declarations compile without errors
/// and that invalid ones get no follow-on compiler errors; compiling every batch would take about
/// four times as long. VATDSL_FUZZ_SEED, VATDSL_FUZZ_COUNT and VATDSL_FUZZ_COMPILE_EVERY override
/// the seed, the count and the compile interval.
/// </summary>
public sealed class FuzzTests
{
    private const int DefaultSeed = 20_240_611;
    private const int DefaultCount = 10_000;
    private const int BatchSize = 500;
    private const int DefaultCompileEvery = 4;

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Random_declarations_behave_as_expected()
    {
        int seed = ReadSetting("VATDSL_FUZZ_SEED", DefaultSeed);
        int count = ReadSetting("VATDSL_FUZZ_COUNT", DefaultCount);
        int compileEvery = Math.Max(1, ReadSetting("VATDSL_FUZZ_COMPILE_EVERY", DefaultCompileEvery));
        int compiled = 0;
        var fuzzer = new DeclarationFuzzer(seed);
        var failures = new List<string>();
        var tally = new Dictionary<string, int>();

        for (int start = 0; start < count; start += BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(fuzzer.Next).ToList();
            foreach (FuzzDeclaration declaration in batch)
            {
                string key = declaration.Expectation == FuzzExpectation.VatError ? declaration.ExpectedId! : declaration.Expectation.ToString();
                tally[key] = tally.TryGetValue(key, out int seen) ? seen + 1 : 1;
            }

            bool compile = (start / BatchSize) % compileEvery == 0;
            compiled += compile ? batch.Count : 0;
            CheckBatch(batch, compile, failures);
            Assert.True(failures.Count == 0, $"Seed {seed} (set VATDSL_FUZZ_SEED={seed} to reproduce), {failures.Count} failures:\n{string.Join("\n\n", failures.Take(5))}");
        }

        _output.WriteLine($"Seed {seed}, {count} declarations, {compiled} compiled in full: " +
            string.Join(", ", tally.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}")));
    }

    private static void CheckBatch(List<FuzzDeclaration> batch, bool compile, List<string> failures)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(batch.Select(declaration => (declaration.FilePath, declaration.Render())).ToArray());
        GeneratorRun run = GeneratorHarness.Run(compilation);
        if (run.Exceptions.Count > 0)
        {
            failures.Add("Generator threw: " + string.Join("\n", run.Exceptions));
            return;
        }

        ILookup<string, Diagnostic> vatErrors = run.GeneratorDiagnostics
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToLookup(diagnostic => diagnostic.Location.GetLineSpan().Path);

        // At most one full compile of the output. A declaration's own errors before generation
        // are computed per tree, and only where they are needed.
        ILookup<string, Diagnostic> outputErrors = (compile ? run.Output.GetDiagnostics() : Enumerable.Empty<Diagnostic>())
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .ToLookup(diagnostic => diagnostic.Location.GetLineSpan().Path);
        var generated = run.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString());
        var generatedPaths = run.Output.SyntaxTrees.Skip(compilation.SyntaxTrees.Length)
            .ToDictionary(tree => System.IO.Path.GetFileName(tree.FilePath), tree => tree.FilePath);
        var inputTrees = compilation.SyntaxTrees.ToDictionary(tree => tree.FilePath);

        foreach (FuzzDeclaration declaration in batch)
        {
            List<Diagnostic> after = outputErrors[declaration.FilePath].ToList();
            if (generatedPaths.TryGetValue(declaration.HintName, out string? generatedPath))
            {
                after.AddRange(outputErrors[generatedPath]);
            }

            bool needsOwnErrors = after.Count > 0 || (!compile && declaration.Expectation != FuzzExpectation.VatError);
            List<Diagnostic> before = !needsOwnErrors
                ? new List<Diagnostic>()
                : compilation.GetSemanticModel(inputTrees[declaration.FilePath]).GetDiagnostics()
                    .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                    .ToList();
            var beforeText = new HashSet<string>(before.Select(diagnostic => diagnostic.ToString()));
            List<Diagnostic> newErrors = after.Where(diagnostic => !beforeText.Contains(diagnostic.ToString())).ToList();

            string? problem = Check(declaration, vatErrors[declaration.FilePath].ToList(), before, newErrors, generated);
            if (problem is not null)
            {
                failures.Add($"Declaration {declaration.Index} ({declaration.Expectation}, mutation: {declaration.Mutation}): {problem}\n{declaration.Render()}");
            }
        }
    }

    private static string? Check(
        FuzzDeclaration declaration,
        List<Diagnostic> vatErrors,
        List<Diagnostic> inputErrors,
        List<Diagnostic> newErrors,
        Dictionary<string, string> generated)
    {
        switch (declaration.Expectation)
        {
            case FuzzExpectation.Valid:
                if (vatErrors.Count > 0 || inputErrors.Count > 0 || newErrors.Count > 0)
                {
                    return "expected no errors, got:\n" + Describe(vatErrors.Concat(inputErrors).Concat(newErrors));
                }

                if (!generated.TryGetValue(declaration.HintName, out string? source) || !source.Contains("register_module(", StringComparison.Ordinal))
                {
                    return $"expected a full generated class in {declaration.HintName}";
                }

                return null;

            case FuzzExpectation.VatError:
                if (!vatErrors.Any(diagnostic => diagnostic.Id == declaration.ExpectedId))
                {
                    return $"expected {declaration.ExpectedId}, got:\n" + Describe(vatErrors.Concat(inputErrors));
                }

                return newErrors.Count > 0 ? "generated code added compiler errors:\n" + Describe(newErrors) : null;

            default:
                return inputErrors.Count == 0 && vatErrors.Count == 0 ? "expected a compiler or VAT error, got none" : null;
        }
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(diagnostic => "  " + diagnostic));

    private static int ReadSetting(string variable, int defaultValue) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : defaultValue;
}
