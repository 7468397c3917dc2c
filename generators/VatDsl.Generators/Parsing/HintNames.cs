using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>
/// Hint names of the generated files, built from the value text of the names (<c>@internal</c> is
/// <c>internal</c>). Roslyn throws on a hint name with a character outside its allowed set, which
/// loses every network of the compilation, so characters other than letters, digits and '_' are
/// escaped. Roslyn also throws on two hint names that differ only in case, so such names get a
/// suffix derived from the exact name.
/// </summary>
internal static class HintNames
{
    /// <summary>Extension of every generated file.</summary>
    public const string Extension = ".g.cs";

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

    /// <summary>
    /// Finds the base names that equal another base name when case is ignored, such as
    /// <c>Trial.Mlp</c> and <c>Trial.MLP</c>, and gives each a hint name with the FNV-1a hash of
    /// its exact text in parentheses: <c>Trial.Mlp(1a2b3c4d)</c>. The result depends only on the
    /// set of names, not their order, and is empty when no names collide.
    /// </summary>
    /// <remarks>
    /// Base names never contain parentheses, so a suffixed name cannot equal another base name.
    /// Two case variants with the same hash (a chance of about 1 in 4 billion) are distinguished by
    /// their ordinal rank. Exact duplicates do not occur: the compiler merges declarations of the
    /// same full name into one class.
    /// </remarks>
    public static EquatableArray<HintNameOverride> ResolveCaseCollisions(ImmutableArray<string> baseNames)
    {
        var overrides = new List<HintNameOverride>();
        var groups = baseNames
            .Distinct(StringComparer.Ordinal)
            .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1);
        foreach (var group in groups)
        {
            var byHash = group
                .OrderBy(name => name, StringComparer.Ordinal)
                .GroupBy(name => Hash(name), StringComparer.Ordinal);
            foreach (var sameHash in byHash)
            {
                int rank = 0;
                bool ambiguous = sameHash.Count() > 1;
                foreach (string name in sameHash)
                {
                    rank++;
                    string suffix = ambiguous ? sameHash.Key + "-" + rank.ToString(CultureInfo.InvariantCulture) : sameHash.Key;
                    overrides.Add(new HintNameOverride(name, name + "(" + suffix + ")"));
                }
            }
        }

        return overrides.OrderBy(entry => entry.BaseName, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>Returns the network with its hint name replaced when <paramref name="overrides"/> lists it.</summary>
    public static NetworkSpec Apply(NetworkSpec network, EquatableArray<HintNameOverride> overrides)
    {
        foreach (HintNameOverride entry in overrides)
        {
            if (string.Equals(entry.BaseName, network.HintName, StringComparison.Ordinal))
            {
                return network with { HintName = entry.HintName };
            }
        }

        return network;
    }

    /// <summary>32-bit FNV-1a hash of the UTF-16 code units, as 8 lower-case hex digits; unlike string.GetHashCode it is the same in every process.</summary>
    private static string Hash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}

/// <summary>A hint name that replaces a base name which differs from another only in case.</summary>
internal sealed record HintNameOverride(string BaseName, string HintName);
