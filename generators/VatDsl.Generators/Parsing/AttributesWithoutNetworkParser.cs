using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VatDsl.Generators.Diagnostics;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>
/// Finds layer and <c>[Vat]</c> attributes on classes without <c>[Network]</c>, which have no
/// effect and are most likely a forgotten <c>[Network]</c>.
/// </summary>
internal static class AttributesWithoutNetworkParser
{
    /// <summary>
    /// Cheap syntax filter: a class or record declaration with an attribute whose simple name is a
    /// VatDsl layer or [Vat] and none named Network. Aliased attribute names are not recognized.
    /// </summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node is not TypeDeclarationSyntax { AttributeLists.Count: > 0 } declaration)
        {
            return false;
        }

        bool hasDslAttribute = false;
        foreach (AttributeSyntax attribute in declaration.AttributeLists.SelectMany(list => list.Attributes))
        {
            string name = SimpleName(attribute.Name);
            if (name is "Network" or "NetworkAttribute")
            {
                return false;
            }

            hasDslAttribute |= KnownTypes.DslAttributeSimpleNames.Contains(name);
        }

        return hasDslAttribute;
    }

    /// <summary>
    /// Reports one warning per class, on its first layer attribute (or on [Vat] when it has no
    /// layers), with the number of layer attributes over all its partial declarations. Each
    /// candidate declaration runs this, and only the one containing that attribute reports.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol type)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var attributes = type.GetAttributes();
        if (attributes.Any(data => data.AttributeClass?.ToDisplayString() == KnownTypes.NetworkAttribute))
        {
            // Another partial declaration has [Network]; the network parser handles these attributes.
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var candidates = type.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(cancellationToken))
            .Where(node => IsCandidate(node, cancellationToken))
            .ToList();
        var applications = attributes
            .Where(data => IsDslAttribute(data.AttributeClass) && data.ApplicationSyntaxReference is not null)
            .Select(data => (Data: data, Reference: data.ApplicationSyntaxReference!))
            .OrderBy(application => application.Reference.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(application => application.Reference.Span.Start)
            .ToList();
        int layerCount = applications.Count(application => IsLayerAttribute(application.Data.AttributeClass));
        bool hasVat = applications.Any(application => !IsLayerAttribute(application.Data.AttributeClass));

        // Aliased attribute names fail the syntax filter, so the warning goes on an attribute of a
        // declaration that passed it, which runs this parser.
        var reported = applications
            .Where(application => candidates.Any(node => node.SyntaxTree == application.Reference.SyntaxTree && node.Span.Contains(application.Reference.Span)))
            .OrderBy(application => IsLayerAttribute(application.Data.AttributeClass) ? 0 : 1)
            .Select(application => application.Reference)
            .FirstOrDefault();
        if (reported is null
            || reported.SyntaxTree != context.Node.SyntaxTree
            || !context.Node.Span.Contains(reported.Span))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var diagnostic = DiagnosticInfo.Create(
            DiagnosticDescriptors.AttributeWithoutNetwork,
            LocationInfo.From(reported.GetSyntax(cancellationToken)),
            type.Name,
            Describe(layerCount, hasVat));
        return new[] { diagnostic }.ToEquatableArray();
    }

    /// <summary>Describes the ignored attributes, such as "its 3 layer attributes and [Vat]".</summary>
    private static string Describe(int layerCount, bool hasVat)
    {
        string layers = layerCount == 1 ? "1 layer attribute" : $"{layerCount.ToString(CultureInfo.InvariantCulture)} layer attributes";
        return layerCount == 0 ? "its [Vat] attribute"
            : hasVat ? $"its {layers} and [Vat]"
            : $"its {layers}";
    }

    private static bool IsLayerAttribute(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && KnownTypes.LayerAttributes.ContainsKey(attributeClass.ToDisplayString());

    private static bool IsDslAttribute(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return false;
        }

        string name = attributeClass.ToDisplayString();
        return name == KnownTypes.VatAttribute || KnownTypes.LayerAttributes.ContainsKey(name);
    }

    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
