namespace VatDsl.Generators;
internal static class Placeholder { }
