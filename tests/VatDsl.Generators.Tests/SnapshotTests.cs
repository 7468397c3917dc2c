using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>Generated code and diagnostics compared against accepted snapshots beside this file.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void FashionCnn() => Snapshot.Verify(GenerateValid(TestDeclarations.FashionCnn));

    [Fact]
    public void Mlp() => Snapshot.Verify(GenerateValid(TestDeclarations.Mlp));

    [Fact]
    public void NamedLayers() => Snapshot.Verify(GenerateValid(TestDeclarations.NamedLayers));

    [Fact]
    public void NestedClass() => Snapshot.Verify(GenerateValid(TestDeclarations.Nested));

    [Fact]
    public void Errors_diagnostics()
    {
        GeneratorRun run = GeneratorHarness.Run(TestDeclarations.WithErrors);
        Snapshot.Verify(DiagnosticText.Format(run.VatDiagnostics), extension: "txt");
    }

    [Fact]
    public void Errors_stub()
    {
        GeneratorRun run = GeneratorHarness.Run(TestDeclarations.WithErrors);
        Snapshot.Verify(DiagnosticText.Sources(run));
    }

    private static string GenerateValid(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.VatDiagnostics);
        return DiagnosticText.Sources(run);
    }
}
