using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using VatDsl.Generators.Diagnostics;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>
/// Walks the layer attributes of a network in order: checks each layer's name and arguments and
/// passes the inferred output shape of each layer on as the input of the next.
/// </summary>
internal sealed class NetworkLayersBuilder
{
    private readonly INamedTypeSymbol _type;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly HashSet<string> _inheritedMembers;
    private readonly HashSet<string> _declaredMembers;

    public NetworkLayersBuilder(INamedTypeSymbol type, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        _type = type;
        _diagnostics = diagnostics;
        _inheritedMembers = InheritedModuleMembers(compilation);
        _declaredMembers = new HashSet<string>(
            type.GetMembers().Where(member => !member.IsImplicitlyDeclared).Select(member => member.Name),
            System.StringComparer.Ordinal);
    }

    /// <summary>A layer with its checked model; <see cref="Spec"/> is null when the layer has errors or its input shape is unknown.</summary>
    internal sealed record BuiltLayer(LayerApplication Attribute, LayerSpec? Spec);

    public List<BuiltLayer> Build(List<LayerApplication> attributes, long[]? inputShape, ref bool hasCompilerErrors)
    {
        var names = ResolveNames(attributes);
        var parser = new LayerParser(_diagnostics);
        var built = new List<BuiltLayer>();
        long[]? shape = inputShape;
        string inputDescription = "the network input";

        for (int index = 0; index < attributes.Count; index++)
        {
            LayerApplication attribute = attributes[index];
            if (attribute.Data is null)
            {
                hasCompilerErrors = true;
                shape = null;
                built.Add(new BuiltLayer(attribute, null));
                continue;
            }

            var arguments = new AttributeArguments(attribute.Data, attribute.Syntax);
            if (attribute.Kind is not { } kind)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedLayer, arguments.AttributeLocation, attribute.Data.AttributeClass!.ToDisplayString()));
                shape = null;
                built.Add(new BuiltLayer(attribute, null));
                continue;
            }

            if (arguments.HasCompilerErrors)
            {
                hasCompilerErrors = true;
                shape = null;
                built.Add(new BuiltLayer(attribute, null));
                continue;
            }

            LayerName name = names[index];
            string label = Label(kind.ToString(), name.Declared, index);
            LayerParser.Result result = parser.Parse(kind, arguments, label, inputDescription, shape);
            LayerSpec? spec = null;
            if (!result.HasErrors && !name.HasErrors && result.Arguments is not null && result.OutputShape is not null && shape is not null)
            {
                spec = new LayerSpec(
                    kind,
                    result.ModuleType,
                    name.ModuleName,
                    name.FieldName,
                    name.PropertyName,
                    shape.ToEquatableArray(),
                    result.OutputShape.ToEquatableArray(),
                    result.ParameterCount,
                    result.Arguments);
            }

            shape = result.OutputShape;
            inputDescription = "the output of " + label;
            built.Add(new BuiltLayer(attribute, spec));
        }

        return built;
    }

    private static string Label(string kind, string? declaredName, int index)
    {
        string position = index.ToString(CultureInfo.InvariantCulture);
        return declaredName is null ? $"{kind} at index {position}" : $"{kind} '{declaredName}' at index {position}";
    }

    /// <summary>State_dict name and member names of one layer.</summary>
    private sealed record LayerName(string? Declared, string ModuleName, string FieldName, string? PropertyName, bool HasErrors);

    /// <summary>
    /// Names every layer: a declared Name becomes the state_dict prefix, a field <c>_name</c> and a
    /// property <c>Name</c>; an unnamed layer takes its index, as in <c>nn.Sequential</c>, and a
    /// field <c>_layerN</c>. Unnamed fields are reserved first, so a clash is reported on the Name.
    /// </summary>
    private List<LayerName> ResolveNames(List<LayerApplication> attributes)
    {
        var taken = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (string member in GeneratedMembers.All)
        {
            taken[member] = $"the generated member '{member}'";
        }

        taken[_type.Name] = $"the class name '{_type.Name}'";
        var names = new LayerName?[attributes.Count];
        for (int index = 0; index < attributes.Count; index++)
        {
            string? declared = DeclaredName(attributes[index]);
            if (declared is null)
            {
                string field = GeneratedMembers.PositionalField(index);
                taken[field] = $"the field of the layer at index {index.ToString(CultureInfo.InvariantCulture)}";
                bool clashes = ReportPositionalFieldClash(field);
                names[index] = new LayerName(null, index.ToString(CultureInfo.InvariantCulture), field, null, clashes);
            }
        }

        var moduleNames = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (int index = 0; index < attributes.Count; index++)
        {
            if (names[index] is not null)
            {
                continue;
            }

            var nameValue = new AttributeArguments(attributes[index].Data!, attributes[index].Syntax).Named("Name");
            string declared = nameValue.AsString()!;
            string label = Label(attributes[index].Kind?.ToString() ?? "Layer", declared, index);
            names[index] = ResolveDeclaredName(declared, index, label, nameValue.Location, moduleNames, taken);
        }

        return names.Select(name => name!).ToList();
    }

    private LayerName ResolveDeclaredName(
        string declared, int index, string label, LocationInfo? location, Dictionary<string, int> moduleNames, Dictionary<string, string> taken)
    {
        string field = GeneratedMembers.NamedField(declared);
        string property = Identifiers.ToPropertyName(declared);
        if (!Identifiers.IsSimpleAsciiIdentifier(declared))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerName, location, label, declared));
            return new LayerName(declared, declared, field, property, true);
        }

        if (moduleNames.TryGetValue(declared, out int firstIndex))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateLayerName, location, label, declared, firstIndex));
            return new LayerName(declared, declared, field, property, true);
        }

        moduleNames[declared] = index;
        foreach (string member in new[] { property, field })
        {
            string? clash = taken.TryGetValue(member, out string? owner) ? owner
                : _inheritedMembers.Contains(member) ? $"the inherited member '{member}' of Module<Tensor, Tensor>"
                : _declaredMembers.Contains(member) ? $"the member '{member}' declared in '{_type.Name}'"
                : null;
            if (clash is not null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayerNameClash, location, label, declared, member, clash));
                return new LayerName(declared, declared, field, property, true);
            }
        }

        string labelForOwner = $"the layer '{declared}' at index {index.ToString(CultureInfo.InvariantCulture)}";
        taken[property] = labelForOwner;
        taken[field] = labelForOwner;
        return new LayerName(declared, declared, field, property, false);
    }

    private bool ReportPositionalFieldClash(string field)
    {
        bool clashes = false;
        foreach (ISymbol member in _type.GetMembers(field))
        {
            if (!member.IsImplicitlyDeclared)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.MemberConflict, LocationInfo.From(member.Locations.FirstOrDefault()), _type.Name, field));
                clashes = true;
            }
        }

        return clashes;
    }

    private static string? DeclaredName(LayerApplication attribute)
    {
        if (attribute.Data is null)
        {
            return null;
        }

        foreach (var argument in attribute.Data.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Names of the non-private members of Module&lt;Tensor, Tensor&gt; and its base classes, which a generated member would hide.</summary>
    private static HashSet<string> InheritedModuleMembers(Compilation compilation)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        for (INamedTypeSymbol? current = compilation.GetTypeByMetadataName(KnownTypes.TorchModule); current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member.DeclaredAccessibility != Accessibility.Private)
                {
                    names.Add(member.Name);
                }
            }
        }

        return names;
    }
}
