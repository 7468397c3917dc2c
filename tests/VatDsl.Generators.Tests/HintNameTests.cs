using System;
using System.Collections.Immutable;
using System.Linq;
using VatDsl.Generators.Parsing;
using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>
/// Hint names are valid for Roslyn and unique for every valid C# name. Roslyn throws on an invalid
/// hint name or on two that differ only in case, and the user then loses every network of the project.
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

    [Fact]
    public void Names_differing_in_case_get_distinct_files()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using VatDsl;

            namespace Trial;

            [Network(784), Linear(10)]
            internal partial class Mlp;

            [Network(784), Linear(64), ReLU, Linear(10)]
            internal partial class MLP;

            [Network(4), Linear(2)]
            internal partial class Other;
            """);

        Assert.Empty(run.Exceptions);
        string[] hintNames = run.GeneratedSources.Select(source => source.HintName).ToArray();
        Assert.Equal(3, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Matches(@"^Trial\.MLP\([0-9a-f]{8}\)\.g\.cs$", hintNames[0]);
        Assert.Matches(@"^Trial\.Mlp\([0-9a-f]{8}\)\.g\.cs$", hintNames[1]);
        Assert.Equal("Trial.Other.g.cs", hintNames[2]);
        Assert.Empty(run.VatDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Case_collisions_ignore_input_order()
    {
        const string lower = "using VatDsl; namespace Trial; [Network(4), Linear(2)] internal partial class net;";
        const string upper = "using VatDsl; namespace Trial; [Network(4), Linear(3)] internal partial class NET;";
        const string mixed = "using VatDsl; namespace Trial; [Network(4), Linear(4)] internal partial class Net;";

        GeneratorRun forward = GeneratorHarness.Run(lower, upper, mixed);
        GeneratorRun backward = GeneratorHarness.Run(mixed, upper, lower);

        Assert.Empty(forward.Exceptions);
        Assert.Empty(backward.Exceptions);
        Assert.Equal(
            forward.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())),
            backward.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())));
        Assert.Equal(3, forward.GeneratedSources.Select(source => source.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Case_collision_suffix_depends_on_exact_name()
    {
        var pair = HintNames.ResolveCaseCollisions(ImmutableArray.Create("Trial.Mlp", "Trial.MLP"));
        var triple = HintNames.ResolveCaseCollisions(ImmutableArray.Create("Trial.mlp", "Trial.MLP", "Trial.Mlp", "Trial.Other"));

        Assert.Equal(new[] { "Trial.MLP", "Trial.Mlp" }, pair.Select(entry => entry.BaseName));
        Assert.Equal(3, triple.Count);
        Assert.Equal(pair[0], triple[0]);
        Assert.Equal(pair[1], triple[1]);
        Assert.Empty(HintNames.ResolveCaseCollisions(ImmutableArray.Create("Trial.Mlp", "Other.MLP")));
    }
}
