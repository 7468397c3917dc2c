using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VatDsl.Generators.Diagnostics;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>
/// Turns a class marked with <c>[Network]</c> into a <see cref="NetworkParseResult"/>: the checked
/// model to emit and the diagnostics to report.
/// </summary>
internal static class NetworkParser
{
    /// <summary>
    /// Parses one network declaration under the invariant culture. Returns null when another
    /// declaration of the same class produces the output, so that each class is emitted once.
    /// </summary>
    public static NetworkParseResult? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
        {
            return null;
        }

        // RS1035 bans the current culture in analyzers because messages should not depend on the
        // machine. Setting it to the invariant culture serves that aim: any number formatted
        // without an explicit culture still comes out the same everywhere (no Unicode minus sign).
#pragma warning disable RS1035
        CultureInfo previousCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
#pragma warning restore RS1035
        try
        {
            return ParseCore(type, declaration, context.SemanticModel.Compilation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Last resort: a generator that throws leaves the user with warning CS8785 and a
            // cascade of "member not found" errors, so the failure becomes one diagnostic instead.
            var diagnostic = DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError,
                LocationInfo.From(declaration.Identifier),
                type.Name,
                exception.GetType().Name,
                exception.Message);
            return new NetworkParseResult(null, new[] { diagnostic }.ToEquatableArray());
        }
        finally
        {
#pragma warning disable RS1035
            CultureInfo.CurrentCulture = previousCulture;
#pragma warning restore RS1035
        }
    }

    private static NetworkParseResult? ParseCore(
        INamedTypeSymbol type, TypeDeclarationSyntax declaration, Compilation compilation, CancellationToken cancellationToken)
    {
        ClassAttributes attributes = ClassAttributes.Of(type);
        if (!IsPrimaryDeclaration(attributes.Network, declaration))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        if (!ClassChecks.Check(type, declaration, compilation, diagnostics, cancellationToken))
        {
            return new NetworkParseResult(null, diagnostics.ToEquatableArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var networkArguments = Arguments(attributes.Network!, cancellationToken);
        bool hasCompilerErrors = networkArguments is null || networkArguments.HasCompilerErrors;

        long[]? inputShape = networkArguments is null || networkArguments.HasCompilerErrors
            ? null
            : ParseInputShape(type.Name, networkArguments, diagnostics);
        ArgumentValue classesValue = networkArguments?.Named("Classes") ?? ArgumentValue.Missing(LocationInfo.From(declaration.Identifier));
        int declaredClasses = classesValue.AsInt(0);

        VatSpec vat = VatOptionsParser.Parse(attributes.Vat is null ? null : Arguments(attributes.Vat, cancellationToken), diagnostics);

        cancellationToken.ThrowIfCancellationRequested();
        var layerAttributes = FindLayerAttributes(type, attributes, diagnostics, cancellationToken, out bool hasUnboundAttributes, out bool layersSpread);
        hasCompilerErrors |= hasUnboundAttributes;

        // With layers spread over declarations (VAT008) their order is unknown, so checking the
        // shapes of any one order would only add misleading errors.
        var layerBuilder = new NetworkLayersBuilder(type, compilation, diagnostics);
        var layers = layersSpread ? new List<NetworkLayersBuilder.BuiltLayer>() : layerBuilder.Build(layerAttributes, inputShape, ref hasCompilerErrors);

        int classCount = CheckOutput(
            type.Name, networkArguments?.AttributeLocation, classesValue, declaredClasses, layers, layerAttributes, hasCompilerErrors || layersSpread, diagnostics);

        bool hasErrors = hasCompilerErrors || diagnostics.Any(diagnostic => diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        var spec = new NetworkSpec(
            HintName(type),
            NamespaceOf(type),
            ContainingTypes(type),
            Identifiers.Escape(type.Name),
            (inputShape ?? Array.Empty<long>()).ToEquatableArray(),
            hasErrors ? 0 : classCount,
            hasErrors ? EquatableArray<LayerSpec>.Empty : layers.Select(layer => layer.Spec!).ToEquatableArray(),
            hasErrors ? VatSpec.None : vat,
            hasErrors);
        return new NetworkParseResult(spec, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// A class with <c>[Network]</c> on two partial declarations (compiler error CS0579) would be
    /// parsed twice; only the declaration holding the first application produces output.
    /// </summary>
    private static bool IsPrimaryDeclaration(AttributeData? network, TypeDeclarationSyntax declaration)
    {
        SyntaxReference? reference = network?.ApplicationSyntaxReference;
        return reference is not null
            && reference.SyntaxTree == declaration.SyntaxTree
            && declaration.Span.Contains(reference.Span);
    }

    private static AttributeArguments? Arguments(AttributeData data, CancellationToken cancellationToken) =>
        data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax ? new AttributeArguments(data, syntax) : null;

    private static long[]? ParseInputShape(string networkName, AttributeArguments arguments, List<DiagnosticInfo> diagnostics)
    {
        ArgumentValue value = arguments.Constructor("inputShape");
        int[] sizes = value.IsSet && value.Constant.Kind == TypedConstantKind.Array && !value.Constant.IsNull
            ? value.Constant.Values.Select(element => element.Value is int size ? size : 0).ToArray()
            : Array.Empty<int>();
        string shapeText = "(" + string.Join(", ", sizes.Select(size => size.ToString(CultureInfo.InvariantCulture))) + ")";

        if (sizes.Length != 1 && sizes.Length != 3)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidInputRank, arguments.ArgumentListLocation(), networkName, shapeText, sizes.Length));
            return null;
        }

        bool expandedForm = arguments.PositionalArgumentCount == sizes.Length;
        bool valid = true;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (sizes[i] < 1)
            {
                LocationInfo? location = expandedForm ? arguments.PositionalArgumentLocation(i) : arguments.ArgumentListLocation();
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NonPositiveInputDimension, location, networkName, shapeText, i, sizes[i]));
                valid = false;
            }
        }

        return valid ? sizes.Select(size => (long)size).ToArray() : null;
    }

    /// <summary>
    /// Collects the layer attributes in source order. They must all sit on one declaration,
    /// because the order of attributes across partial declarations is not defined.
    /// </summary>
    private static List<LayerApplication> FindLayerAttributes(
        INamedTypeSymbol type,
        ClassAttributes attributes,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken,
        out bool hasUnboundAttributes,
        out bool layersSpread)
    {
        hasUnboundAttributes = false;
        var declarationsWithLayers = new List<List<LayerApplication>>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax part)
            {
                continue;
            }

            var layers = new List<LayerApplication>();
            foreach (AttributeSyntax syntax in part.AttributeLists.SelectMany(list => list.Attributes))
            {
                if (!attributes.BySyntax.TryGetValue(new SyntaxKey(syntax.SyntaxTree, syntax.Span), out AttributeData? data)
                    || data.AttributeClass is null
                    || data.AttributeClass.TypeKind == TypeKind.Error)
                {
                    // An attribute the compiler cannot bind (misspelled, or broken syntax) may have been
                    // meant as a layer, so the layers after it cannot be checked reliably.
                    layers.Add(new LayerApplication(null, null, syntax));
                    continue;
                }

                if (IsLayerAttribute(data.AttributeClass))
                {
                    LayerKind? kind = KnownTypes.LayerAttributes.TryGetValue(data.AttributeClass.ToDisplayString(), out LayerKind known) ? known : null;
                    layers.Add(new LayerApplication(kind, data, syntax));
                }
            }

            if (layers.Any(layer => layer.Data is not null))
            {
                declarationsWithLayers.Add(layers);
            }
            else if (layers.Count > 0)
            {
                hasUnboundAttributes = true;
            }
        }

        layersSpread = declarationsWithLayers.Count > 1;
        if (layersSpread)
        {
            foreach (var extra in declarationsWithLayers.Skip(1))
            {
                LayerApplication first = extra.First(layer => layer.Data is not null);
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.LayersOnSeveralDeclarations, LocationInfo.From(first.Syntax), type.Name));
            }
        }

        return declarationsWithLayers.Count == 0 ? new List<LayerApplication>() : declarationsWithLayers[0];
    }

    private static bool IsLayerAttribute(INamedTypeSymbol attributeClass)
    {
        for (INamedTypeSymbol? current = attributeClass.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == KnownTypes.LayerAttribute)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks that the network ends in a 1-D logits vector with at least 2 classes and returns the class count.</summary>
    private static int CheckOutput(
        string networkName,
        LocationInfo? networkLocation,
        ArgumentValue classesValue,
        int declaredClasses,
        List<NetworkLayersBuilder.BuiltLayer> layers,
        List<LayerApplication> layerAttributes,
        bool skipShapeChecks,
        List<DiagnosticInfo> diagnostics)
    {
        if (classesValue.IsSet && (declaredClasses < 0 || declaredClasses == 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.TooFewClasses,
                classesValue.Location,
                networkName,
                $"declares Classes = {Shapes.Format(declaredClasses)}",
                "set Classes to the number of classes, or leave it out to take the count from the last layer"));
        }

        if (skipShapeChecks)
        {
            return declaredClasses;
        }

        if (layerAttributes.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, networkLocation, networkName));
            return declaredClasses;
        }

        NetworkLayersBuilder.BuiltLayer last = layers[layers.Count - 1];
        LocationInfo? lastLocation = LocationInfo.From(last.Attribute.Syntax);
        if (last.Spec is null)
        {
            return declaredClasses;
        }

        long[] output = last.Spec.OutputShape.ToArray();
        if (output.Length != 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OutputNotVector, lastLocation, networkName, Shapes.Format(output)));
            return declaredClasses;
        }

        long logits = output[0];
        if (declaredClasses >= 2 && declaredClasses != logits)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ClassCountMismatch, classesValue.Location, networkName, declaredClasses, Shapes.Format(logits)));
        }
        else if (logits < 2)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.TooFewClasses,
                lastLocation,
                networkName,
                $"ends with {Shapes.Format(logits)} logit",
                "make the last layer output one logit per class, such as [Linear(2)] for two classes"));
        }

        if (IsActivation(last.Spec.Kind))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LastLayerIsActivation, lastLocation, networkName, last.Spec.ModuleType));
        }

        return (int)logits;
    }

    private static bool IsActivation(LayerKind kind) => kind is LayerKind.ReLU or LayerKind.LeakyReLU or LayerKind.Tanh
        or LayerKind.Sigmoid or LayerKind.GELU or LayerKind.Softplus or LayerKind.ELU;

    private static string HintName(INamedTypeSymbol type)
    {
        var typeNames = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            typeNames.Insert(0, current.Name);
        }

        // '+' separates nested types, as in metadata names, so that namespace N.A with class B
        // and class N.A with nested class B get different files.
        string typePath = string.Join("+", typeNames);
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + typePath + ".g.cs"
            : typePath + ".g.cs";
    }

    private static string? NamespaceOf(INamedTypeSymbol type)
    {
        if (type.ContainingNamespace is not { IsGlobalNamespace: false } ns)
        {
            return null;
        }

        var segments = new List<string>();
        for (INamespaceSymbol? current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            segments.Insert(0, Identifiers.Escape(current.Name));
        }

        return string.Join(".", segments);
    }

    private static EquatableArray<TypeDeclarationInfo> ContainingTypes(INamedTypeSymbol type)
    {
        var chain = new List<TypeDeclarationInfo>();
        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            chain.Insert(0, new TypeDeclarationInfo(Keyword(container), Identifiers.Escape(container.Name)));
        }

        return chain.ToEquatableArray();
    }

    /// <summary>Modifiers and keyword that redeclare a containing type; C# requires <c>ref</c> before <c>partial</c>.</summary>
    private static string Keyword(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct when type.IsRecord => "partial record struct",
        TypeKind.Struct when type.IsRefLikeType => "ref partial struct",
        TypeKind.Struct => "partial struct",
        TypeKind.Interface => "partial interface",
        _ when type.IsRecord => "partial record",
        _ => "partial class",
    };
}

/// <summary>A layer attribute in source order; <see cref="Data"/> is null for an attribute the compiler could not bind.</summary>
internal sealed record LayerApplication(LayerKind? Kind, AttributeData? Data, AttributeSyntax Syntax);

/// <summary>Key that matches an <see cref="AttributeData"/> to the attribute syntax it was applied with.</summary>
internal readonly record struct SyntaxKey(SyntaxTree Tree, Microsoft.CodeAnalysis.Text.TextSpan Span);

/// <summary>The attributes of a network class, indexed for the parser.</summary>
internal sealed class ClassAttributes
{
    private ClassAttributes(AttributeData? network, AttributeData? vat, Dictionary<SyntaxKey, AttributeData> bySyntax)
    {
        Network = network;
        Vat = vat;
        BySyntax = bySyntax;
    }

    public AttributeData? Network { get; }

    public AttributeData? Vat { get; }

    public Dictionary<SyntaxKey, AttributeData> BySyntax { get; }

    public static ClassAttributes Of(INamedTypeSymbol type)
    {
        AttributeData? network = null;
        AttributeData? vat = null;
        var bySyntax = new Dictionary<SyntaxKey, AttributeData>();
        foreach (AttributeData data in type.GetAttributes())
        {
            string? name = data.AttributeClass?.ToDisplayString();
            if (name == KnownTypes.NetworkAttribute)
            {
                network ??= data;
            }
            else if (name == KnownTypes.VatAttribute)
            {
                vat ??= data;
            }

            if (data.ApplicationSyntaxReference is { } reference)
            {
                bySyntax[new SyntaxKey(reference.SyntaxTree, reference.Span)] = data;
            }
        }

        return new ClassAttributes(network, vat, bySyntax);
    }
}
