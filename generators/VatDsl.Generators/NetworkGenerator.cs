using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VatDsl.Generators.Emit;
using VatDsl.Generators.Model;
using VatDsl.Generators.Parsing;

namespace VatDsl.Generators;

/// <summary>
/// Compiles each <c>partial</c> class marked with <c>[Network]</c> into a TorchSharp module with
/// VAT training methods.
/// </summary>
/// <remarks>
/// Source and diagnostics take separate outputs. The source pipeline carries only equatable models,
/// so edits that do not change a network reuse its cached text. The diagnostics output combines
/// with the compilation to turn stored locations back into syntax-tree locations, which
/// <c>#pragma warning disable</c> and .editorconfig severities apply to.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<NetworkParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.NetworkAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (context, cancellationToken) => NetworkParser.Parse(context, cancellationToken))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<GeneratedFile> files = parsed
            .Select(static (result, _) => result.Network)
            .Where(static network => network is not null)
            .Select(static (network, _) => network!)
            .WithTrackingName(TrackingNames.Model)
            .Select(static (network, _) => NetworkEmitter.Emit(network))
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(files, static (output, file) => output.AddSource(file.HintName, file.Source));

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> attributesWithoutNetwork = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, cancellationToken) => AttributesWithoutNetworkParser.IsCandidate(node, cancellationToken),
                static (context, cancellationToken) => AttributesWithoutNetworkParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.AttributesWithoutNetwork);

        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .Collect()
            .Combine(attributesWithoutNetwork.Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right).SelectMany(list => list).ToEquatableArray())
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(
            diagnostics.Combine(context.CompilationProvider),
            static (output, pair) => DiagnosticReporter.Report(output, pair.Left, pair.Right));
    }
}
