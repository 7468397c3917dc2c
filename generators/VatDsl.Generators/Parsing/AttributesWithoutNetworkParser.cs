using System.Collections.Generic;
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

        var declaration = (TypeDeclarationSyntax)context.Node;
        var diagnostics = new List<DiagnosticInfo>();
        foreach (AttributeData data in attributes)
        {
            if (data.ApplicationSyntaxReference is not { } reference
                || reference.SyntaxTree != declaration.SyntaxTree
                || !declaration.Span.Contains(reference.Span)
                || !IsDslAttribute(data.AttributeClass))
            {
                continue;
            }

            string attributeName = data.AttributeClass!.Name;
            attributeName = attributeName.Substring(0, attributeName.Length - "Attribute".Length);
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.AttributeWithoutNetwork,
                LocationInfo.From(reference.GetSyntax(cancellationToken)),
                attributeName,
                type.Name));
        }

        return diagnostics.ToEquatableArray();
    }

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
