using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>
/// Argument values of one attribute application, read from its <see cref="AttributeData"/>, with
/// the location of the argument syntax that set each value (or of the attribute when the value is
/// a default), so that a diagnostic about a value points at that value.
/// </summary>
internal sealed class AttributeArguments
{
    private readonly AttributeData _data;
    private readonly AttributeSyntax _syntax;

    public AttributeArguments(AttributeData data, AttributeSyntax syntax)
    {
        _data = data;
        _syntax = syntax;
        AttributeLocation = LocationInfo.From(syntax);
    }

    public LocationInfo? AttributeLocation { get; }

    /// <summary>
    /// True when the compiler could not bind the attribute or one of its arguments. The compiler
    /// reports those errors itself, so the generator reports nothing more about this attribute.
    /// </summary>
    public bool HasCompilerErrors =>
        _data.AttributeConstructor is null
        || _data.ConstructorArguments.Any(argument => argument.Kind == TypedConstantKind.Error)
        || _data.NamedArguments.Any(argument => argument.Value.Kind == TypedConstantKind.Error);

    /// <summary>Reads a constructor argument by parameter name; optional parameters left out yield their default.</summary>
    public ArgumentValue Constructor(string parameterName)
    {
        IMethodSymbol? constructor = _data.AttributeConstructor;
        if (constructor is null)
        {
            return ArgumentValue.Missing(AttributeLocation);
        }

        int index = -1;
        for (int i = 0; i < constructor.Parameters.Length; i++)
        {
            if (constructor.Parameters[i].Name == parameterName)
            {
                index = i;
                break;
            }
        }

        if (index < 0 || index >= _data.ConstructorArguments.Length)
        {
            return ArgumentValue.Missing(AttributeLocation);
        }

        return new ArgumentValue(_data.ConstructorArguments[index], true, FindConstructorArgumentLocation(parameterName, index));
    }

    /// <summary>Reads a named argument (a property set in the attribute); absent ones are reported as not set.</summary>
    public ArgumentValue Named(string propertyName)
    {
        foreach (var argument in _data.NamedArguments)
        {
            if (argument.Key == propertyName)
            {
                return new ArgumentValue(argument.Value, true, FindNamedArgumentLocation(propertyName));
            }
        }

        return ArgumentValue.Missing(AttributeLocation);
    }

    /// <summary>Location of the positional argument at <paramref name="index"/>, for params arrays written in expanded form.</summary>
    public LocationInfo? PositionalArgumentLocation(int index)
    {
        var positional = PositionalArguments();
        return index < positional.Length ? LocationInfo.From(positional[index].Expression) : ArgumentListLocation();
    }

    /// <summary>Number of positional arguments written in the source.</summary>
    public int PositionalArgumentCount => PositionalArguments().Length;

    public LocationInfo? ArgumentListLocation() =>
        _syntax.ArgumentList is { } list ? LocationInfo.From(list) : AttributeLocation;

    private AttributeArgumentSyntax[] PositionalArguments() =>
        _syntax.ArgumentList?.Arguments.Where(argument => argument.NameEquals is null).ToArray()
        ?? System.Array.Empty<AttributeArgumentSyntax>();

    private LocationInfo? FindConstructorArgumentLocation(string parameterName, int index)
    {
        var positional = PositionalArguments();
        foreach (var argument in positional)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameterName)
            {
                return LocationInfo.From(argument.Expression);
            }
        }

        if (index < positional.Length && positional[index].NameColon is null)
        {
            return LocationInfo.From(positional[index].Expression);
        }

        return AttributeLocation;
    }

    private LocationInfo? FindNamedArgumentLocation(string propertyName)
    {
        var argument = _syntax.ArgumentList?.Arguments.FirstOrDefault(
            candidate => candidate.NameEquals?.Name.Identifier.ValueText == propertyName);
        return argument is null ? AttributeLocation : LocationInfo.From(argument.Expression);
    }
}

/// <summary>One argument value and where it was written.</summary>
internal readonly struct ArgumentValue
{
    public ArgumentValue(TypedConstant constant, bool isSet, LocationInfo? location)
    {
        Constant = constant;
        IsSet = isSet;
        Location = location;
    }

    public TypedConstant Constant { get; }

    /// <summary>True when the source sets the value (or, for an optional constructor parameter, its default applies).</summary>
    public bool IsSet { get; }

    public LocationInfo? Location { get; }

    public static ArgumentValue Missing(LocationInfo? location) => new(default, false, location);

    public int AsInt(int defaultValue) => IsSet && Constant.Value is int value ? value : defaultValue;

    public double AsDouble(double defaultValue) => IsSet && Constant.Value is double value ? value : defaultValue;

    public bool AsBool(bool defaultValue) => IsSet && Constant.Value is bool value ? value : defaultValue;

    public string? AsString() => IsSet ? Constant.Value as string : null;
}
