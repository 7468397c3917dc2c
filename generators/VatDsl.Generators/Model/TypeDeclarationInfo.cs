namespace VatDsl.Generators.Model;

/// <summary>
/// One type in the chain that contains a network class, as the generated file must redeclare it:
/// its keyword (<c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or
/// <c>interface</c>) and its name, escaped with <c>@</c> where it is a keyword.
/// </summary>
internal sealed record TypeDeclarationInfo(string Keyword, string Name);
