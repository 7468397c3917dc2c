using System.Linq;
using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>
/// Hint names are valid for Roslyn for every valid C# name. Roslyn throws on an invalid hint name,
/// and the user then loses every network of the project.
/// </summary>
public sealed class HintNameTests
{
    [Fact]
    public void Verbatim_and_Unicode_names_give_valid_hint_names()
    {
        // \u0301 is a combining acute accent and \u203F the connector punctuation "undertie".
        // The zero-width non-joiner \u200C is a formatting character, which C# drops from the name.
        GeneratorRun run = GeneratorHarness.Run("""
            using VatDsl;

            namespace Trial.@internal
            {
                [Network(4), Linear(2)]
                internal partial class @class;

                [Network(4), Linear(2)]
                internal partial class Réseau;

                [Network(4), Linear(2)]
                internal partial class Cafe\u0301;

                [Network(4), Linear(2)]
                internal partial class A\u200Cb;

                [Network(4), Linear(2)]
                internal partial class A\u203Fb;
            }
            """);

        Assert.Empty(run.Exceptions);
        Assert.Equal(
            new[] { "Trial.internal.A-203Fb.g.cs", "Trial.internal.Ab.g.cs", "Trial.internal.Cafe-0301.g.cs", "Trial.internal.Réseau.g.cs", "Trial.internal.class.g.cs" },
            run.GeneratedSources.Select(source => source.HintName));
        Assert.Empty(run.VatDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Unreadable_class_name_emits_nothing()
    {
        // C# rejects a letter outside the Basic Multilingual Plane in an identifier (CS1056), which
        // leaves the class with an empty name. Generated code could not name it and would only add errors.
        GeneratorRun run = GeneratorHarness.Run("""
            using VatDsl;

            namespace Trial;

            [Network(4), Linear(2)]
            internal partial class \U0001D465Net;
            """);

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.VatDiagnostics);
        Assert.Contains(run.Input.GetDiagnostics(), diagnostic => diagnostic.Id == "CS1056");
    }
}
