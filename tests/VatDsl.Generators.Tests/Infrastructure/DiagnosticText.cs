using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace VatDsl.Generators.Tests.Infrastructure;

/// <summary>Readable text for diagnostics snapshots: ID, severity, line:column, message, and the marked source.</summary>
internal static class DiagnosticText
{
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            int line = span.StartLinePosition.Line + 1;
            int column = span.StartLinePosition.Character + 1;
            text.Append(diagnostic.Id).Append(' ').Append(diagnostic.Severity)
                .Append(" (").Append(line.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(column.ToString(CultureInfo.InvariantCulture)).Append("): ")
                .AppendLine(diagnostic.GetMessage(CultureInfo.InvariantCulture));

            if (diagnostic.Location.SourceTree is { } tree)
            {
                string sourceLine = tree.GetText().Lines[span.StartLinePosition.Line].ToString();
                int length = span.StartLinePosition.Line == span.EndLinePosition.Line
                    ? System.Math.Max(1, span.EndLinePosition.Character - span.StartLinePosition.Character)
                    : sourceLine.Length - span.StartLinePosition.Character;
                text.Append("    ").AppendLine(sourceLine);
                text.Append("    ").Append(' ', span.StartLinePosition.Character).AppendLine(new string('^', length));
            }
        }

        return text.ToString();
    }

    /// <summary>All generated files in one text, each after a header with its hint name.</summary>
    public static string Sources(GeneratorRun run) =>
        string.Concat(run.GeneratedSources.Select(source => $"//----- {source.HintName}\n{source.SourceText}"));
}
