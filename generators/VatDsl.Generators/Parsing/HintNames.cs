using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace VatDsl.Generators.Parsing;

/// <summary>
/// Hint names of the generated files, built from the value text of the names (<c>@internal</c> is
/// <c>internal</c>). Roslyn throws on a hint name with a character outside its allowed set, which
/// loses every network of the compilation, so characters other than letters, digits and '_' are
/// escaped.
/// </summary>
internal static class HintNames
{
    /// <summary>
    /// Returns <c>Namespace.Outer+Inner</c> without the <c>.g.cs</c> extension. '+' separates nested
    /// types, as in metadata names, so that namespace N.A with class B and class N.A with nested
    /// class B get different files.
    /// </summary>
    public static string BaseName(INamedTypeSymbol type)
    {
        var typeNames = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            typeNames.Insert(0, Escape(current.Name));
        }

        var namespaces = new List<string>();
        for (INamespaceSymbol? current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            namespaces.Insert(0, Escape(current.Name));
        }

        string typePath = string.Join("+", typeNames);
        return namespaces.Count == 0 ? typePath : string.Join(".", namespaces) + "." + typePath;
    }

    /// <summary>
    /// Keeps letters, digits and '_', and writes any other UTF-16 code unit (such as a combining
    /// mark or connector punctuation) as '-' and four upper-case hex digits. No identifier contains '-', so two different names never
    /// escape to the same text.
    /// </summary>
    public static string Escape(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c == '_' || (!char.IsSurrogate(c) && char.IsLetterOrDigit(c)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('-').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
