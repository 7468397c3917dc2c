using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace VatDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Test source with expected diagnostics marked inline as <c>{|VAT012:0|}</c>: the ID and the
/// exact text the diagnostic must cover. Markers do not nest.
/// </summary>
internal sealed record Markup(string Source, IReadOnlyList<ExpectedDiagnostic> Expected)
{
    public static Markup Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<ExpectedDiagnostic>();
        int i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i);
                int end = markup.IndexOf("|}", colon, System.StringComparison.Ordinal);
                string id = markup.Substring(i + 2, colon - i - 2);
                string text = markup.Substring(colon + 1, end - colon - 1);
                expected.Add(new ExpectedDiagnostic(id, new TextSpan(source.Length, text.Length)));
                source.Append(text);
                i = end + 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        return new Markup(source.ToString(), expected);
    }
}

/// <summary>A diagnostic a test expects: its ID and the span it must cover in the cleaned source.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span);
