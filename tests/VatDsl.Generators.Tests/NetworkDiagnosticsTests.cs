using System.Linq;
using Microsoft.CodeAnalysis;
using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>Diagnostics about the network as a whole: input shape, layer list, output and [Vat] options.</summary>
public sealed class NetworkDiagnosticsTests
{
    [Fact]
    public void Layers_on_two_declarations_report_VAT008() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4)]
        [Linear(8), ReLU]
        internal partial class Net;

        [{|VAT008:Linear(2)|}]
        internal partial class Net;
        """);

    [Fact]
    public void Layers_on_another_declaration_than_Network_are_allowed()
    {
        GeneratorRun run = DiagnosticAssert.Reports("""
            using VatDsl;
            [Network(4)]
            internal partial class Net;

            [Linear(8), ReLU, Linear(2)]
            internal partial class Net;
            """);

        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void No_layers_reports_VAT009() => DiagnosticAssert.Reports("""
        using VatDsl;
        [{|VAT009:Network(4)|}]
        internal partial class Net;
        """);

    [Fact]
    public void Input_rank_2_or_0_reports_VAT010() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network{|VAT010:(28, 28)|}, Flatten, Linear(2)]
        internal partial class A;

        [{|VAT010:Network|}, Linear(2)]
        internal partial class B;

        [Network{|VAT010:(new int[0])|}, Linear(2)]
        internal partial class C;
        """);

    [Fact]
    public void Non_positive_input_size_reports_VAT011() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, {|VAT011:0|}, {|VAT011:-28|}), Flatten, Linear(2)]
        internal partial class Net;
        """);

    [Fact]
    public void Class_count_mismatch_reports_VAT020() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4, Classes = {|VAT020:3|}), Linear(2)]
        internal partial class Net;
        """);

    [Fact]
    public void Output_not_1D_reports_VAT021() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, 8, 8)]
        [Conv2d(4), {|VAT021:ReLU|}]
        internal partial class Net;
        """);

    [Fact]
    public void Fewer_than_2_classes_reports_VAT022() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), {|VAT022:Linear(1)|}]
        internal partial class A;

        [Network(4, Classes = {|VAT022:-1|}), Linear(2)]
        internal partial class B;
        """);

    [Fact]
    public void Vat_options_out_of_range_report_VAT026() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        [Vat(Epsilon = {|VAT026:0|}, Xi = {|VAT026:-1e-6|}, PowerIterations = {|VAT026:0|}, Alpha = {|VAT026:-1|}, EntropyWeight = {|VAT026:double.NaN|})]
        internal partial class Net;
        """);

    [Fact]
    public void Attributes_without_Network_report_VAT027() => DiagnosticAssert.Reports("""
        using VatDsl;
        [{|VAT027:Linear(2)|}, {|VAT027:VatDsl.ReLU|}]
        [{|VAT027:Vat(Epsilon = 1)|}]
        internal partial class NotANetwork;
        """);

    [Fact]
    public void Final_activation_reports_VAT028() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2), {|VAT028:Softplus|}]
        internal partial class Net;
        """);

    [Fact]
    public void Final_BatchNorm_on_logits_is_allowed()
    {
        GeneratorRun run = DiagnosticAssert.Reports("""
            using VatDsl;
            [Network(4), Linear(3), BatchNorm]
            internal partial class Net;
            """);

        Assert.Contains("BatchNorm1d(3L", run.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Warning_can_be_suppressed_with_pragma()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using VatDsl;
            #pragma warning disable VAT028
            [Network(4), Linear(2), Tanh]
            #pragma warning restore VAT028
            internal partial class Net;
            """);

        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("VAT028", warning.Id);
        Assert.True(warning.IsSuppressed);
        Assert.Empty(run.VatDiagnostics);
    }

    [Fact]
    public void Diagnostics_sit_in_the_source_tree()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using VatDsl;
            [Network(4), Linear(1)]
            internal partial class Net;
            """);

        Diagnostic error = Assert.Single(run.VatDiagnostics);
        Assert.Equal(LocationKind.SourceFile, error.Location.Kind);
        Assert.Same(run.Input.SyntaxTrees.Single(), error.Location.SourceTree);
        Assert.Equal("https://github.com/vatdsl/vatdsl/blob/main/docs/diagnostics/VAT022.md", error.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void Unbound_attribute_stops_shape_checks_without_VAT_errors()
    {
        // The misspelled Flatten is a compiler error (CS0246); the Linear after it would otherwise
        // get a misleading VAT017 about its input.
        GeneratorRun run = GeneratorHarness.Run("""
            using VatDsl;
            [Network(1, 8, 8)]
            [Conv2d(4), Flaten, Linear(2)]
            internal partial class Net;
            """);

        Assert.Empty(run.VatDiagnostics);
        Assert.Contains(run.Input.GetDiagnostics(), diagnostic => diagnostic.Id == "CS0246");
        Assert.Empty(run.NewCompilerErrors);
    }

    [Fact]
    public void Layer_unknown_to_generator_reports_VAT031()
    {
        // A newer runtime could declare a layer this generator does not know. VatDsl's
        // LayerAttribute cannot be subclassed elsewhere, so the test defines VatDsl types itself.
        Markup markup = Markup.Parse("""
            namespace VatDsl
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class NetworkAttribute(params int[] inputShape) : System.Attribute
                {
                    public int[] InputShape { get; } = inputShape;
                }

                public abstract class LayerAttribute : System.Attribute
                {
                    public string? Name { get; set; }
                }

                [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
                public sealed class LinearAttribute(int outFeatures) : LayerAttribute
                {
                    public int OutFeatures { get; } = outFeatures;
                }

                [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
                public sealed class ConvTranspose2dAttribute(int outChannels) : LayerAttribute
                {
                    public int OutChannels { get; } = outChannels;
                }
            }

            [VatDsl.Network(1, 8, 8), {|VAT031:VatDsl.ConvTranspose2d(4)|}, VatDsl.Linear(2)]
            internal partial class Net;
            """);

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilationWithoutVatDsl(markup.Source));

        Assert.Empty(run.Exceptions);
        Diagnostic diagnostic = Assert.Single(run.VatDiagnostics);
        Assert.Equal("VAT031", diagnostic.Id);
        Assert.Equal(markup.Expected.Single().Span, diagnostic.Location.SourceSpan);
    }
}
