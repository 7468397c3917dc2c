namespace VatDsl.Generators.Model;

/// <summary>
/// One type in the chain that contains a network class, as the generated file must redeclare it:
/// its modifiers and keyword (such as <c>partial class</c> or <c>ref partial struct</c>) and its
/// name, escaped with <c>@</c> where it is a keyword.
/// </summary>
internal sealed record TypeDeclarationInfo(string Keyword, string Name);
