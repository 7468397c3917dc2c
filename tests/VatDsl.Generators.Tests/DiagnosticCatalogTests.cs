using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using VatDsl.Generators.Diagnostics;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>Every diagnostic ID is unique, documented, release-tracked and linked to its page.</summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (DiagnosticDescriptor descriptor in Descriptors())
            {
                data.Add(descriptor.Id);
            }

            return data;
        }
    }

    [Fact]
    public void Ids_are_unique()
    {
        var ids = Descriptors().Select(descriptor => descriptor.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_has_docs_page(string id)
    {
        string page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");

        Assert.True(File.Exists(page), $"Missing {page}.");
        Assert.StartsWith($"# {id}: ", File.ReadAllText(page));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_is_release_tracked(string id)
    {
        string releases = File.ReadAllText(Path.Combine(RepositoryRoot(), "generators", "VatDsl.Generators", "AnalyzerReleases.Unshipped.md"));

        Assert.Contains($"\n{id} | VatDsl | ", releases);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_links_to_its_page(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(candidate => candidate.Id == id);

        Assert.Equal($"https://github.com/vatdsl/vatdsl/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.Equal(DiagnosticDescriptors.Category, descriptor.Category);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
