using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using VatDsl.Generators.Model;

namespace VatDsl.Generators;

/// <summary>Reports stored diagnostics at locations inside the compilation's syntax trees.</summary>
internal static class DiagnosticReporter
{
    public static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        if (diagnostics.IsEmpty)
        {
            return;
        }

        var treesByPath = new Dictionary<string, SyntaxTree>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            treesByPath[tree.FilePath] = tree;
        }

        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            output.ReportDiagnostic(Diagnostic.Create(
                diagnostic.Descriptor, ToLocation(diagnostic.Location, treesByPath), diagnostic.MessageArguments.Cast<object>().ToArray()));
        }
    }

    /// <summary>
    /// Rebuilds a location in the syntax tree with the stored path. Location.Create(path, span,
    /// lineSpan) alone gives an external-file location, which #pragma suppressions never apply to.
    /// </summary>
    private static Location ToLocation(LocationInfo? location, Dictionary<string, SyntaxTree> treesByPath)
    {
        if (location is null)
        {
            return Location.None;
        }

        if (treesByPath.TryGetValue(location.FilePath, out SyntaxTree? tree) && location.Span.End <= tree.Length)
        {
            return Location.Create(tree, location.Span);
        }

        return Location.Create(location.FilePath, location.Span, location.LineSpan);
    }
}
