using System.Linq;
using Xunit;

namespace VatDsl.Generators.Tests.Infrastructure;

/// <summary>Runs the generator on marked-up source and checks that exactly the marked diagnostics appear.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Fails unless the generator reports exactly the diagnostics marked in <paramref name="markup"/>
    /// (ID and span), throws nothing, and the generated code adds no compiler errors.
    /// </summary>
    public static GeneratorRun Reports(string markup)
    {
        Markup parsed = Markup.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(parsed.Source);

        Assert.Empty(run.Exceptions);
        var expected = parsed.Expected.Select(diagnostic => $"{diagnostic.Id} at {Describe(parsed.Source, diagnostic.Span)}").OrderBy(text => text).ToList();
        var actual = run.VatDiagnostics.Select(diagnostic => $"{diagnostic.Id} at {Describe(parsed.Source, diagnostic.Location.SourceSpan)}").OrderBy(text => text).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}\n\n{DiagnosticText.Format(run.VatDiagnostics)}");

        // Declarations with VAT errors get a stub, so the user sees the VAT diagnostics and no follow-on errors.
        Assert.Empty(run.NewCompilerErrors.Select(diagnostic => diagnostic.ToString()));
        return run;
    }

    private static string Describe(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        span.End <= source.Length ? $"{span} '{source.Substring(span.Start, span.Length)}'" : span.ToString();
}
