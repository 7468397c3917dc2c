using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VatDsl.Generators.Model;

/// <summary>
/// Source location stored as plain values, because a <see cref="Location"/> keeps its syntax
/// tree (and so the whole compilation) alive and never compares equal across compilations.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || !location.IsInSource)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());
}
