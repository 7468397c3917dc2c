using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>
/// VAT errors cannot be suppressed, because a network with an error is not generated and its
/// members would throw at run time. VAT warnings can be.
/// </summary>
public sealed class SuppressionTests
{
    private const string DropoutError = """
        using VatDsl;
        #pragma warning disable VAT015
        [Network(784)]
        [Linear(128), ReLU, Dropout(1.5), Linear(10)]
        internal partial class Net;
        #pragma warning restore VAT015
        """;

    [Fact]
    public void Pragma_does_not_hide_error()
    {
        GeneratorRun run = GeneratorHarness.Run(DropoutError);

        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("VAT015", error.Id);
        Assert.False(error.IsSuppressed);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void NoWarn_does_not_hide_error()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(DropoutError);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("VAT015", ReportDiagnostic.Suppress)));

        GeneratorRun run = GeneratorHarness.Run(compilation);

        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("VAT015", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void Editorconfig_severity_does_not_hide_error()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(DropoutError);
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
            new SeverityOptions(new Dictionary<string, ReportDiagnostic> { ["VAT015"] = ReportDiagnostic.Suppress })));

        GeneratorRun run = GeneratorHarness.Run(compilation);

        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("VAT015", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    [Fact]
    public void Pragma_hides_warning_VAT027()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using VatDsl;
            #pragma warning disable VAT027
            [Linear(2), ReLU]
            internal partial class NotANetwork;
            #pragma warning restore VAT027
            """);

        Assert.NotEmpty(run.GeneratorDiagnostics);
        Assert.All(run.GeneratorDiagnostics, warning => Assert.Equal("VAT027", warning.Id));
        Assert.All(run.GeneratorDiagnostics, warning => Assert.True(warning.IsSuppressed));
        Assert.Empty(run.VatDiagnostics);
    }

    [Fact]
    public void Editorconfig_severity_hides_warning()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("""
            using VatDsl;
            [Network(4), Linear(2), Tanh]
            internal partial class Net;
            """);
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
            new SeverityOptions(new Dictionary<string, ReportDiagnostic> { ["VAT028"] = ReportDiagnostic.Suppress })));

        GeneratorRun run = GeneratorHarness.Run(compilation);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    /// <summary>Severities per diagnostic ID for every syntax tree, as a .editorconfig with dotnet_diagnostic.ID.severity entries sets them.</summary>
    private sealed class SeverityOptions : SyntaxTreeOptionsProvider
    {
        private readonly Dictionary<string, ReportDiagnostic> _severities;

        public SeverityOptions(Dictionary<string, ReportDiagnostic> severities)
        {
            _severities = severities;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _severities.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _severities.TryGetValue(diagnosticId, out severity);
    }
}
