using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>Diagnostics about layer arguments and shapes, reported on the argument or attribute at fault.</summary>
public sealed class LayerDiagnosticsTests
{
    [Fact]
    public void Non_positive_sizes_report_VAT012() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, 8, 8)]
        [Conv2d({|VAT012:0|}), Conv2d(4, Kernel = {|VAT012:-1|}), MaxPool2d({|VAT012:0|}), AvgPool2d({|VAT012:0|})]
        [Flatten, Linear({|VAT012:-3|})]
        internal partial class Net;
        """);

    [Fact]
    public void Invalid_strides_report_VAT013() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, 8, 8)]
        [Conv2d(4, Stride = {|VAT013:0|}), MaxPool2d(2, Stride = {|VAT013:-1|}), AvgPool2d(2, Stride = {|VAT013:-2|})]
        [Flatten, Linear(2)]
        internal partial class Net;
        """);

    [Fact]
    public void Invalid_paddings_report_VAT014() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, 8, 8)]
        [Conv2d(4, Padding = {|VAT014:-1|}), MaxPool2d(2, Padding = {|VAT014:2|}), AvgPool2d(3, Padding = {|VAT014:2|})]
        [Flatten, Linear(2)]
        internal partial class Net;
        """);

    [Fact]
    public void Pool_padding_of_half_the_kernel_is_allowed() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, 8, 8)]
        [MaxPool2d(2, Padding = 1), AvgPool2d(5, Padding = 2), Flatten, Linear(2)]
        internal partial class Net;
        """);

    [Fact]
    public void Dropout_probability_out_of_range_reports_VAT015() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4)]
        [Dropout({|VAT015:1.0|}), Dropout({|VAT015:-0.1|}), Dropout({|VAT015:double.NaN|}), Dropout(0), Linear(2)]
        internal partial class Net;
        """);

    [Fact]
    public void Real_arguments_out_of_range_report_VAT016() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4)]
        [LeakyReLU({|VAT016:double.NaN|}), GaussianNoise({|VAT016:-1|}), ELU({|VAT016:double.PositiveInfinity|})]
        [BatchNorm(Momentum = {|VAT016:1.5|}, Epsilon = {|VAT016:0|}), Softplus(Beta = {|VAT016:0|}, Threshold = {|VAT016:double.NaN|})]
        [Linear(2)]
        internal partial class Net;
        """);

    [Fact]
    public void Linear_after_spatial_output_reports_VAT017() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, 28, 28)]
        [Conv2d(4), {|VAT017:Linear(10)|}]
        internal partial class Net;
        """);

    [Fact]
    public void Spatial_layers_on_flat_input_report_VAT018() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(16)]
        [{|VAT018:Conv2d(4)|}]
        internal partial class A;

        [Network(1, 4, 4)]
        [Flatten, {|VAT018:MaxPool2d(2)|}]
        internal partial class B;

        [Network(16)]
        [{|VAT018:AvgPool2d(2)|}]
        internal partial class C;

        [Network(16)]
        [{|VAT018:GlobalAvgPool|}]
        internal partial class D;
        """);

    [Fact]
    public void Kernel_larger_than_padded_input_reports_VAT019() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, 4, 4)]
        [Conv2d(4, Kernel = {|VAT019:7|}, Padding = 1), Flatten, Linear(2)]
        internal partial class A;

        [Network(1, 8, 8)]
        [MaxPool2d(4), MaxPool2d(2), MaxPool2d({|VAT019:2|}), Flatten, Linear(2)]
        internal partial class B;
        """);

    [Fact]
    public void Invalid_layer_names_report_VAT023() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4)]
        [Linear(8, Name = {|VAT023:"fc.1"|}), ReLU(Name = {|VAT023:""|}), Tanh(Name = {|VAT023:"1st"|}), Sigmoid(Name = {|VAT023:"naïve"|})]
        [Linear(2)]
        internal partial class Net;
        """);

    [Fact]
    public void Duplicate_layer_name_reports_VAT024() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4)]
        [Linear(8, Name = "fc"), ReLU, Linear(2, Name = {|VAT024:"fc"|})]
        internal partial class Net;
        """);

    [Fact]
    public void Layer_name_clashes_report_VAT025() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4)]
        [Linear(8), ReLU(Name = {|VAT025:"layer0"|}), Tanh(Name = {|VAT025:"summary"|}), GELU(Name = {|VAT025:"internal_submodules"|})]
        [Sigmoid(Name = "fc"), ELU(Name = {|VAT025:"Fc"|}), Linear(2, Name = {|VAT025:"helper"|})]
        internal partial class Net
        {
            private int Helper => 1;
        }
        """);

    [Fact]
    public void Positional_field_declared_by_user_reports_VAT029() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        internal partial class Net
        {
            private readonly int {|VAT029:_layer0|} = 1;
        }
        """);

    [Fact]
    public void Size_overflow_reports_VAT030() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(1, 100000, 100000)]
        [{|VAT030:Flatten|}, Linear(2)]
        internal partial class A;

        [Network(2147483647, 46341, 46341)]
        [{|VAT030:Conv2d(2147483647, Kernel = 46341)|}, Flatten, Linear(2)]
        internal partial class B;
        """);
}
