using Microsoft.CodeAnalysis.CSharp;

namespace VatDsl.Generators.Parsing;

/// <summary>Helpers for identifiers written into generated code.</summary>
internal static class Identifiers
{
    /// <summary>Prefixes <c>@</c> to keywords, including contextual ones, so that any name is safe to emit.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>True for names made of ASCII letters, digits and underscores that do not start with a digit.</summary>
    public static bool IsSimpleAsciiIdentifier(string name)
    {
        if (name.Length == 0 || IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Upper-cases the first letter: the property name of a named layer (<c>conv1</c> gives <c>Conv1</c>).</summary>
    public static string ToPropertyName(string name) =>
        name.Length > 0 && name[0] >= 'a' && name[0] <= 'z' ? char.ToUpperInvariant(name[0]) + name.Substring(1) : name;

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
}
