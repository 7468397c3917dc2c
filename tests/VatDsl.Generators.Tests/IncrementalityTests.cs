using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VatDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>The pipeline reuses cached work after edits that do not change a network.</summary>
public sealed class IncrementalityTests
{
    private static readonly Type[] ForbiddenInModel =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel),
    };

    [Fact]
    public void Model_holds_no_compilation_objects()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.CreateCompilation(TestDeclarations.FashionCnn, TestDeclarations.WithErrors, TestDeclarations.Nested));

        var outputs = new[] { TrackingNames.Parse, TrackingNames.Model, TrackingNames.Emit, TrackingNames.Diagnostics }
            .SelectMany(step => StepOutputs(run, step).Select(output => output.Value))
            .ToList();

        Assert.NotEmpty(outputs);
        foreach (object output in outputs)
        {
            AssertNoForbiddenObjects(output, new HashSet<object>(ReferenceEqualityComparer.Instance), output.GetType().Name);
        }
    }

    [Fact]
    public void Unrelated_type_keeps_outputs_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TestDeclarations.FashionCnn, TestDeclarations.Mlp);
        GeneratorRun first = GeneratorHarness.Run(compilation);

        SyntaxTree unrelated = CSharpSyntaxTree.ParseText("internal sealed class Unrelated { }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs");
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(unrelated));

        AssertReasons(second, TrackingNames.Parse, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);
        AssertReasons(second, TrackingNames.Emit, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Unrelated_edit_keeps_outputs_cached()
    {
        const string helper = "internal static class Helper { public static int Value => 1; }";
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TestDeclarations.FashionCnn, helper);
        GeneratorRun first = GeneratorHarness.Run(compilation);

        SyntaxTree helperTree = compilation.SyntaxTrees[1];
        SyntaxTree edited = helperTree.WithChangedText(helperTree.GetText().Replace(0, 0, "// edited\n"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(helperTree, edited));

        AssertReasons(second, TrackingNames.Parse, IncrementalStepRunReason.Cached);
        AssertReasons(second, TrackingNames.Emit, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Comment_edit_keeps_emitted_text()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TestDeclarations.FashionCnn);
        GeneratorRun first = GeneratorHarness.Run(compilation);

        SyntaxTree tree = compilation.SyntaxTrees[0];
        SyntaxTree edited = tree.WithChangedText(tree.GetText().Replace(0, 0, "// A comment and blank lines above the declaration.\n\n\n"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(tree, edited));

        IncrementalStepRunReason model = Assert.Single(StepOutputs(second, TrackingNames.Model)).Reason;
        IncrementalStepRunReason emit = Assert.Single(StepOutputs(second, TrackingNames.Emit)).Reason;
        Assert.Contains(model, new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached });
        Assert.Contains(emit, new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached });
    }

    [Fact]
    public void Editing_one_network_regenerates_only_it()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TestDeclarations.FashionCnn, TestDeclarations.Mlp);
        GeneratorRun first = GeneratorHarness.Run(compilation);

        SyntaxTree mlpTree = compilation.SyntaxTrees[1];
        string mlpText = mlpTree.GetText().ToString();
        SyntaxTree edited = mlpTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(mlpText.Replace("Linear(100), ReLU", "Linear(64), ReLU")));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(mlpTree, edited));

        var emitted = StepOutputs(second, TrackingNames.Emit).ToList();
        Assert.Equal(2, emitted.Count);
        Assert.Equal(1, emitted.Count(output => output.Reason == IncrementalStepRunReason.Cached));
        Assert.Equal(1, emitted.Count(output => output.Reason == IncrementalStepRunReason.Modified));
        var modified = (Model.GeneratedFile)emitted.Single(output => output.Reason == IncrementalStepRunReason.Modified).Value;
        Assert.Equal("Demo.Moons.MoonsMlp.g.cs", modified.HintName);
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> StepOutputs(GeneratorRun run, string stepName)
    {
        GeneratorRunResult result = Assert.Single(run.Result.Results);
        return result.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(step => step.Outputs)
            : Enumerable.Empty<(object, IncrementalStepRunReason)>();
    }

    private static void AssertReasons(GeneratorRun run, string stepName, params IncrementalStepRunReason[] expected)
    {
        var actual = StepOutputs(run, stepName).Select(output => output.Reason).ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>Walks an object graph through its fields and fails on any compilation object.</summary>
    private static void AssertNoForbiddenObjects(object? value, HashSet<object> visited, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is DiagnosticDescriptor)
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(ForbiddenInModel.Any(forbidden => forbidden.IsAssignableFrom(type)), $"{path} holds a {type.FullName}.");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence && value is not IDictionary)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                AssertNoForbiddenObjects(item, visited, $"{path}[{index++}]");
            }
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoForbiddenObjects(field.GetValue(value), visited, $"{path}.{field.Name}");
            }
        }
    }
}
