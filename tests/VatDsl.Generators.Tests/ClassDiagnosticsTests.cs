using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>Diagnostics about the network class itself, reported on the class identifier or the member at fault.</summary>
public sealed class ClassDiagnosticsTests
{
    [Fact]
    public void Missing_partial_reports_VAT001() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        public class {|VAT001:Net|}
        {
        }
        """);

    [Fact]
    public void Missing_partial_on_one_declaration_reports_VAT001() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        public partial class Net;
        class {|VAT001:Net|} { }
        """);

    [Fact]
    public void Static_class_reports_VAT002() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        public static partial class {|VAT002:Net|};
        """);

    [Fact]
    public void Generic_class_reports_VAT003() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        public partial class {|VAT003:Net|}<T>;
        """);

    [Fact]
    public void Nested_in_generic_type_reports_VAT004() => DiagnosticAssert.Reports("""
        using VatDsl;
        public partial class Outer<T>
        {
            [Network(4), Linear(2)]
            public partial class {|VAT004:Net|};
        }
        """);

    [Fact]
    public void Containing_type_not_partial_reports_VAT005() => DiagnosticAssert.Reports("""
        using VatDsl;
        public class Outer
        {
            [Network(4), Linear(2)]
            public partial class {|VAT005:Net|};
        }
        """);

    [Fact]
    public void Base_class_reports_VAT006() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        public partial class Net : {|VAT006:System.Collections.ArrayList|};
        """);

    [Fact]
    public void Module_base_class_is_allowed()
    {
        GeneratorRun run = DiagnosticAssert.Reports("""
            using VatDsl;
            using static TorchSharp.torch;
            [Network(4), Linear(2)]
            internal partial class Net : nn.Module<Tensor, Tensor>;
            """);

        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void Record_reports_VAT007() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        public partial record {|VAT007:Net|};
        """);

    [Fact]
    public void Generated_member_declared_by_user_reports_VAT029() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        internal partial class Net
        {
            public static int {|VAT029:Summary|} => 3;

            public {|VAT029:Net|}()
                : base("custom")
            {
            }
        }
        """);

    [Fact]
    public void Class_named_like_generated_member_reports_VAT032() => DiagnosticAssert.Reports("""
        using VatDsl;
        [Network(4), Linear(2)]
        internal partial class {|VAT032:Summary|};
        """);

    [Fact]
    public void Class_errors_emit_nothing()
    {
        GeneratorRun run = DiagnosticAssert.Reports("""
            using VatDsl;
            [Network(4), Linear(2)]
            public static partial class {|VAT002:Net|};
            """);

        Assert.Empty(run.GeneratedSources);
    }
}
