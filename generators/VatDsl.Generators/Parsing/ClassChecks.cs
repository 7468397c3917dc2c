using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VatDsl.Generators.Diagnostics;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>
/// Checks that a network class can be extended by a generated partial declaration. When any check
/// fails, nothing is emitted for the class, because generated code would only add compiler errors.
/// </summary>
internal static class ClassChecks
{
    /// <summary>Adds a diagnostic per failed check and returns true when all checks pass.</summary>
    public static bool Check(
        INamedTypeSymbol type,
        TypeDeclarationSyntax declaration,
        Compilation compilation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        int before = diagnostics.Count;
        LocationInfo? identifier = LocationInfo.From(declaration.Identifier);
        string name = type.Name;

        if (type.IsRecord)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RecordNetwork, identifier, name));
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax part && !IsPartial(part))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, LocationInfo.From(part.Identifier), name));
            }
        }

        if (type.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticClass, identifier, name));
        }

        if (type.TypeParameters.Length > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericClass, identifier, name));
        }

        CheckContainingTypes(type, identifier, diagnostics, cancellationToken);
        CheckBaseType(type, compilation, identifier, diagnostics, cancellationToken);
        CheckGeneratedMemberNames(type, identifier, diagnostics);
        return diagnostics.Count == before && !HasUnresolvedBaseType(type);
    }

    public static bool IsPartial(TypeDeclarationSyntax declaration) =>
        declaration.Modifiers.Any(modifier => modifier.IsKind(SyntaxKind.PartialKeyword));

    private static void CheckContainingTypes(
        INamedTypeSymbol type, LocationInfo? identifier, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (container.TypeParameters.Length > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NestedInGenericType, identifier, type.Name, container.Name));
                continue;
            }

            bool allPartial = container.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .All(IsPartial);
            if (!allPartial)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, identifier, type.Name, container.Name));
            }
        }
    }

    private static void CheckBaseType(
        INamedTypeSymbol type, Compilation compilation, LocationInfo? identifier, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? baseType = type.BaseType;
        if (baseType is null || baseType.SpecialType == SpecialType.System_Object || baseType.TypeKind == TypeKind.Error)
        {
            return;
        }

        if (IsTensorModule(baseType, compilation))
        {
            return;
        }

        LocationInfo? location = FindBaseTypeSyntax(type, cancellationToken) ?? identifier;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HasBaseClass, location, type.Name, baseType.ToDisplayString()));
    }

    /// <summary>True for Module&lt;Tensor, Tensor&gt;, the base class the generated code declares anyway.</summary>
    private static bool IsTensorModule(INamedTypeSymbol baseType, Compilation compilation)
    {
        INamedTypeSymbol? module = compilation.GetTypeByMetadataName(KnownTypes.TorchModule);
        INamedTypeSymbol? tensor = compilation.GetTypeByMetadataName(KnownTypes.TorchTensor);
        return module is not null
            && tensor is not null
            && SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, module)
            && baseType.TypeArguments.All(argument => SymbolEqualityComparer.Default.Equals(argument, tensor));
    }

    private static LocationInfo? FindBaseTypeSyntax(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList.Types.Count: > 0 } part)
            {
                return LocationInfo.From(part.BaseList.Types[0]);
            }
        }

        return null;
    }

    /// <summary>
    /// A base type the compiler cannot resolve already has a compiler error. Generated code would
    /// add a second, conflicting base class, so nothing is emitted and no VAT diagnostic is added.
    /// </summary>
    private static bool HasUnresolvedBaseType(INamedTypeSymbol type) => type.BaseType is { TypeKind: TypeKind.Error };

    private static void CheckGeneratedMemberNames(INamedTypeSymbol type, LocationInfo? identifier, List<DiagnosticInfo> diagnostics)
    {
        foreach (string member in GeneratedMembers.All)
        {
            if (type.Name == member)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNameClash, identifier, type.Name));
            }

            foreach (ISymbol declared in type.GetMembers(member))
            {
                if (!declared.IsImplicitlyDeclared)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.MemberConflict, LocationInfo.From(declared.Locations.FirstOrDefault()) ?? identifier, type.Name, member));
                }
            }
        }

        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (!constructor.IsImplicitlyDeclared && constructor.Parameters.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.MemberConflict,
                    LocationInfo.From(constructor.Locations.FirstOrDefault()) ?? identifier,
                    type.Name,
                    "a parameterless constructor"));
            }
        }
    }
}
