using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace VatDsl.Generators.Model;

/// <summary>A diagnostic stored as plain values, to be turned into a <see cref="Diagnostic"/> when reported.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] messageArguments) =>
        new(descriptor, location, messageArguments.Select(Format).ToEquatableArray());

    private static string Format(object argument) => argument is IFormattable formattable
        ? formattable.ToString(null, CultureInfo.InvariantCulture)
        : argument.ToString() ?? string.Empty;
}
