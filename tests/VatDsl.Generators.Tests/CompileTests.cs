using System.Linq;
using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>Generated code compiles without errors or warnings, including documentation warnings.</summary>
public sealed class CompileTests
{
    public static TheoryData<string> ValidDeclarations => new()
    {
        TestDeclarations.FashionCnn,
        TestDeclarations.Mlp,
        TestDeclarations.NamedLayers,
        TestDeclarations.Nested,
        """
        using VatDsl;

        /// <summary>Container that is a ref struct.</summary>
        public ref partial struct Holder
        {
            [Network(4), Linear(2)]
            internal partial class Net;
        }
        """,
        """
        using VatDsl;

        namespace Demo.Interfaces
        {
            /// <summary>Container that is an interface.</summary>
            public partial interface IModels
            {
                [Network(4), Linear(2)]
                internal partial class Net;
            }
        }

        namespace Demo.Other
        {
            /// <summary>Same class name as in Demo.Interfaces, in another namespace.</summary>
            [Network(4), Linear(3)]
            internal partial class Net;
        }
        """,
    };

    [Theory]
    [MemberData(nameof(ValidDeclarations))]
    public void Valid_declaration_compiles_cleanly(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.VatDiagnostics);
        Assert.NotEmpty(run.GeneratedSources);
        Assert.Empty(run.CompilationDiagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Namespace_and_nested_type_get_distinct_files()
    {
        // The code is invalid C# (CS0101: namespace Demo.A and class Demo.A), but the generator
        // must still give the two networks different hint names, because a repeated hint name throws.
        GeneratorRun run = GeneratorHarness.Run("""
            using VatDsl;

            namespace Demo.A
            {
                [Network(4), Linear(2)]
                internal partial class B;
            }

            namespace Demo
            {
                internal partial class A
                {
                    [Network(4), Linear(3)]
                    internal partial class B;
                }
            }
            """);

        Assert.Equal(new[] { "Demo.A+B.g.cs", "Demo.A.B.g.cs" }, run.GeneratedSources.Select(source => source.HintName));
        Assert.Empty(run.Exceptions);
    }

    [Fact]
    public void Generated_api_is_usable_from_user_code()
    {
        const string usage = """
            using System.Collections.Generic;
            using TorchSharp;
            using VatDsl;
            using VatDsl.Samples.FashionMnist;
            using static TorchSharp.torch;

            /// <summary>Calls the generated members.</summary>
            public static class Usage
            {
                /// <summary>Trains one step.</summary>
                public static double Train(Tensor labeledX, Tensor labels, Tensor unlabeledX)
                {
                    using var network = new FashionCnn();
                    IVatNetwork asInterface = network;
                    nn.Module<Tensor, Tensor> asModule = network;
                    IReadOnlyList<long> shape = FashionCnn.InputShape;
                    int classes = FashionCnn.ClassCount + asInterface.ClassCount + shape.Count;
                    NetworkSummary summary = FashionCnn.Summary;
                    using var optimizer = optim.Adam(network.parameters(), lr: 1e-3);
                    VatStepResult step = network.TrainStep(labeledX, labels, unlabeledX, optimizer, FashionCnn.DefaultVatOptions with { Epsilon = 1.0 });
                    VatStepResult supervised = asInterface.SupervisedStep(labeledX, labels, optimizer);
                    using Tensor logits = asModule.call(labeledX);
                    return step.Total + supervised.Total + network.Evaluate(labeledX, labels) + classes + summary.TotalParameters;
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(TestDeclarations.FashionCnn, usage));

        Assert.Empty(run.VatDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Declaration_with_errors_gives_no_follow_on_errors()
    {
        const string usage = """
            using Demo.Broken;

            internal static class Usage
            {
                public static int Use(TorchSharp.torch.Tensor x)
                {
                    using var network = new BrokenNet();
                    using var logits = network.forward(x);
                    return BrokenNet.ClassCount + BrokenNet.InputShape.Count + (int)BrokenNet.Summary.TotalParameters;
                }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(TestDeclarations.WithErrors, usage));

        Assert.NotEmpty(run.VatDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(diagnostic => diagnostic.ToString()));
    }
}
