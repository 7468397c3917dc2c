using System.Text;

namespace VatDsl.Generators.Emit;

/// <summary>Builds source text line by line with four-space indentation and '\n' line endings on every platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indentation;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indentation * 4);
            _text.Append(line);
        }

        _text.Append('\n');
    }

    public void OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indentation++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        Line("}" + suffix);
    }

    public void Indent() => _indentation++;

    public void Outdent() => _indentation--;

    public override string ToString() => _text.ToString();
}
